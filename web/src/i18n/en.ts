import type { MessageKey } from './id.ts';

// English, second language. Typed against id.ts, so a key missing here fails the type check as well as the test.
export const en: Record<MessageKey, string> = {
  'app.name': 'Pasar Lokal',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.loadFailed': 'This page failed to load. Check your internet connection, then reload.',
  'app.reload': 'Reload',

  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.login': 'Log in',
  'nav.register': 'Register a business',

  'lang.label': 'Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'footer.about': 'Pasar Lokal — an open platform for growing local small businesses.',
  'footer.licence': 'Source code licensed under Apache-2.0.',
  'footer.api': 'API documentation',

  'home.title': 'Home',
  'home.heading': 'Small businesses grow through local markets',
  'home.lead':
    'Pasar Lokal connects the small businesses fostered by Jakpreneur with their buyers: government offices, civil servants and residents, and shopping malls. Every result is recorded and open to the public.',
  'home.cta.login': 'Log in',
  'home.cta.register': 'Register a business',

  'figures.heading': 'Today’s figures',
  'figures.intro': 'Counted live from the platform’s data, not estimated.',
  'figures.loading': 'Loading the latest figures…',
  'figures.error': 'The figures could not be loaded. Check your internet connection.',
  'figures.retry': 'Try again',
  'figures.updated': 'Updated {time}',
  'figures.members': 'Fostered businesses',
  'figures.products': 'Products',
  'figures.agencies': 'Fostering agencies',
  'figures.buyers': 'Government buyers (agencies and BUMD)',
  'figures.malls': 'Partner malls',
  'figures.lenders': 'Lenders',
  'figures.regions': 'Area: {cities} cities/regencies, {districts} districts, {villages} villages.',
  'figures.byCity': 'Fostered businesses per city',
  'figures.byCityEmpty': 'No fostered businesses registered yet.',

  'jakpreneur.heading': 'What is Jakpreneur?',
  'jakpreneur.intro':
    'Jakpreneur is the regional government’s programme for fostering small businesses. It has seven stages. Each business takes only the stages it needs — none is compulsory.',
  'jakpreneur.p1': 'Registration',
  'jakpreneur.p1.text': 'Your business is recorded as a fostered member.',
  'jakpreneur.p2': 'Training',
  'jakpreneur.p2.text': 'Learn production, packaging and selling.',
  'jakpreneur.p3': 'Mentoring',
  'jakpreneur.p3.text': 'A mentor at the district office helps step by step.',
  'jakpreneur.p4': 'Permits',
  'jakpreneur.p4.text': 'Obtain NIB, PIRT, halal certification and a trademark.',
  'jakpreneur.p5': 'Marketing',
  'jakpreneur.p5.text': 'Sell through the three channels below.',
  'jakpreneur.p6': 'Bookkeeping',
  'jakpreneur.p6.text': 'Keep tidy records of sales and turnover.',
  'jakpreneur.p7': 'Capital',
  'jakpreneur.p7.text': 'Apply to a bank for capital, with your sales as evidence.',

  'channels.heading': 'Three ways to sell',
  'channels.eorder': 'e-Order: government buying',
  'channels.eorder.text':
    'Government offices and regional companies buy food, drink and goods from curated small businesses. Orders, handovers and payments are recorded, so slow payment shows.',
  'channels.jbl': 'Jumat Beli Lokal (Buy Local Friday)',
  'channels.jbl.text':
    'Every Friday one city, in turn, sells selected local products. Order before Thursday 20:00\u00a0WIB, pay with QRIS, then join the live shopping session on Friday.',
  'channels.mall': 'UMKM Goes To Mall',
  'channels.mall.text':
    'Malls offer free space to small businesses. Places are shared out fairly and explainably: those never placed before go first.',

  'audience.heading': 'Who is it for?',
  'audience.owner': 'Business owners',
  'audience.owner.text':
    'Run a food stall, catering or a craft business? Register it, show your products, take orders from government offices, and watch your turnover grow.',
  'audience.civil': 'Civil servants',
  'audience.civil.text':
    'Order meeting food from fostered businesses through e-Order, shop on Jumat Beli Lokal, and see how much of your office’s spending reaches small businesses.',

  'login.title': 'Log in',
  'login.soon': 'The log-in page is being prepared. Please come back later.',
  'register.title': 'Register a business',
  'register.soon':
    'Online registration is being prepared. For now, register at your district (kecamatan) office with your KTP and KK.',
  'common.backHome': 'Back to the home page',

  'notFound.title': 'Page not found',
  'notFound.text': 'The address you opened does not exist. It may be mistyped, or the page has moved.',
};
