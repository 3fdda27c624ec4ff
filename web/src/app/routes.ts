import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import { HomePage } from '../pages/home/HomePage.tsx';
import type { RouteParams } from './match.ts';

export interface PageProps {
  params: RouteParams;
}

export interface Route {
  path: string;
  component: ComponentType<PageProps> | LazyExoticComponent<ComponentType<PageProps>>;
}

/**
 * Every page address of the app. The home page is bundled with the shell (it is where most visits start, and a
 * separate chunk would add a round trip before anything useful shows); every other page is its own chunk, loaded
 * when first visited, so it never weighs on the home page.
 */
export const routes: readonly Route[] = [
  { path: '/', component: HomePage },
  { path: '/masuk', component: lazy(() => import('../pages/access/LoginPage.tsx')) },
  { path: '/aktifkan', component: lazy(() => import('../pages/access/ClaimPage.tsx')) },
  { path: '/lupa-sandi', component: lazy(() => import('../pages/access/ForgotPasswordPage.tsx')) },
  { path: '/atur-ulang', component: lazy(() => import('../pages/access/ResetPasswordPage.tsx')) },
  { path: '/daftar', component: lazy(() => import('../pages/RegisterPage.tsx')) },
  { path: '/beranda', component: lazy(() => import('../pages/account/RoleHomePage.tsx')) },
  { path: '/keamanan/totp', component: lazy(() => import('../pages/account/TotpEnrolPage.tsx')) },
  { path: '/meja-kecamatan', component: lazy(() => import('../pages/desk/DistrictDeskPage.tsx')) },
];

export const NotFoundPage = lazy(() => import('../pages/NotFoundPage.tsx'));
