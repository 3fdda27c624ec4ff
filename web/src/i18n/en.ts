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
  'nav.search': 'Find products',
  'nav.opportunities': 'Procurement opportunities',
  'nav.login': 'Log in',
  'nav.register': 'Register a business',
  'nav.dashboard': 'My dashboard',

  'lang.label': 'Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'footer.about': 'Pasar Lokal — an open platform for growing local small businesses.',
  'footer.licence': 'Source code licensed under Apache-2.0.',
  'footer.api': 'API documentation',
  'footer.ocds': 'Open procurement data (OCDS)',

  'home.title': 'Home',
  'home.heading': 'Small businesses grow through local markets',
  'home.lead':
    'Pasar Lokal connects the small businesses fostered by Jakpreneur with their buyers: government offices, civil servants and residents, and shopping malls. Every result is recorded and open to the public.',
  'home.cta.login': 'Log in',
  'home.cta.register': 'Register a business',
  'home.search.label': 'Find small-business products',
  'home.search.hint': 'For example: kue lapis, batik, coffee',
  'home.search.button': 'Search',

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
  'channels.jbl.link': 'Shop at Jumat Beli Lokal',
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

  'common.backHome': 'Back to the home page',

  'form.required': 'Required.',
  'form.optional': '(optional)',
  'form.showPassword': 'Show password',
  'form.passwordShort': 'The password needs at least 8 characters.',
  'form.passwordHint': 'At least 8 characters. Do not use your birth date or phone number.',

  'error.network': 'Cannot reach the server. Check your internet connection, then try again.',
  'error.tooMany': 'Too many attempts. Try again in {seconds} seconds.',
  'error.unknown': 'Something went wrong. Please try again.',

  'login.title': 'Log in',
  'login.login': 'Email or mobile number',
  'login.login.hint': 'For example: name@example.id or 0812…',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.busy': 'Working…',
  'login.wait': 'Please wait…',
  'login.totp.intro':
    'This account uses two-step verification. Open the authenticator app on your phone and enter its code.',
  'login.totp': 'Verification code (6 digits)',
  'login.totp.hint': 'The code changes every 30 seconds.',
  'login.recovery.intro':
    'Not holding your phone? Enter one of the recovery codes you saved when you turned on two-step verification. Each code works once.',
  'login.recovery': 'Recovery code',
  'login.useRecovery': 'Use a recovery code',
  'login.useTotp': 'Use a code from the app',
  'login.back': 'Use another account',
  'login.verify': 'Verify',
  'login.forgot': 'Forgot your password?',
  'login.claim': 'Activate your account with a code from the kecamatan office',

  'claim.title': 'Activate your account',
  'claim.intro':
    'Was your business registered at the kecamatan (district) office? The mentor gave you an activation code. Enter the mobile number you registered, that code, and a new password. The same kind of code gets you back in if you forget your password.',
  'claim.login': 'Mobile number',
  'claim.login.hint': 'The number you gave when registering, e.g. 0812…',
  'claim.code': 'Activation code',
  'claim.code.hint': 'For example: ABCDE-FGH23. Valid for 3 days, once.',
  'claim.password': 'New password',
  'claim.submit': 'Activate and log in',
  'claim.haveAccount': 'Already have a password? Log in',

  'forgot.title': 'Forgot password',
  'forgot.intro': 'Enter your account’s email or mobile number. We will send a link to choose a new password.',
  'forgot.submit': 'Send the link',
  'forgot.owner':
    'Business owners without email can ask the mentor at the kecamatan office for a new code; bring your KTP.',
  'forgot.back': 'Back to log in',

  'reset.title': 'Choose a new password',
  'reset.noToken': 'This link is incomplete. Open the link from your message again, or ask for a new one.',
  'reset.password': 'New password',
  'reset.submit': 'Save the password',
  'reset.again': 'Ask for a new link',

  'account.signedInAs': 'Logged in as',
  'account.logout': 'Log out',
  'account.logoutAll': 'Log out of all devices',
  'account.logoutFailed': 'Could not log out. Check your internet connection, then try again.',
  'account.notifications': 'Notifications',
  'account.unread': 'unread',

  'dash.title': 'My dashboard',
  'dash.hello': 'Hello, {name}',
  'dash.roles': 'Your roles: {roles}.',
  'dash.noRoles': 'This account has no role yet. Contact the Dinas PPKUKM administrator.',
  'dash.security': 'Account security',
  'dash.security.text':
    'Protect your account with two-step verification: besides the password, logging in needs a code from your phone.',

  'role.platform_admin': 'Dinas PPKUKM administrator',
  'role.pengampu_officer': 'Fostering agency officer',
  'role.pendamping': 'Kecamatan mentor (pendamping)',
  'role.kasatpel': 'Kecamatan validator (Kasatpel)',
  'role.kurator': 'Product curator',
  'role.umkm_owner': 'Business owner',
  'role.pa_kpa': 'Budget holder (PA/KPA)',
  'role.ppk': 'Commitment officer (PPK)',
  'role.pejabat_pengadaan': 'Procurement officer',
  'role.bendahara': 'Treasurer (bendahara)',
  'role.bppbj_analyst': 'BPPBJ analyst',
  'role.auditor': 'Auditor',
  'role.mall_partner': 'Mall partner',
  'role.lender_officer': 'Lender officer',
  'role.asn_buyer': 'Civil servant buyer',
  'role.public_buyer': 'Public buyer',

  'scope.fostering_agency': 'Fostering agency',
  'scope.district': 'Kecamatan',
  'scope.agency': 'Agency',
  'scope.mall': 'Mall',
  'scope.lender': 'Lender',

  'totp.title': 'Two-step verification',
  'totp.required':
    'Your role handles money or rules, so two-step verification is required. Turn it on before you continue.',
  'totp.already': 'Two-step verification is already on for this account.',
  'totp.step1':
    'Install an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or Aegis).',
  'totp.step2': 'Add an account in that app with this secret key (type it exactly; spaces do not matter):',
  'totp.secret': 'Secret key',
  'totp.openApp': 'Or open it directly in your authenticator app',
  'totp.step3': 'Enter the 6-digit code the app shows.',
  'totp.code.invalid': 'Enter 6 digits.',
  'totp.confirm': 'Turn on',
  'totp.recovery.heading': 'Save your recovery codes',
  'totp.recovery.text':
    'Two-step verification is on. If you lose your phone, log in with one of the codes below (each works once). They are shown only now: write them down or store them somewhere safe.',
  'totp.recovery.copy': 'Copy all codes',
  'totp.recovery.saved': 'I have saved my recovery codes',
  'totp.recovery.continue': 'Continue to my dashboard',

  'desk.title': 'Kecamatan desk',
  'desk.intro':
    'Check the owner’s KTP first. Then make a one-time activation code and give it to the owner: with it they activate the account, or get back in after forgetting the password.',
  'desk.umkmId': 'UMKM number',
  'desk.umkmId.hint': 'The number after “UMKM #” in the queue.',
  'desk.umkmId.invalid': 'Enter the UMKM number (digits).',
  'desk.issue': 'Make a code',
  'desk.issueFor': 'Make a code for {name}',
  'desk.issued': 'Activation code for {name}',
  'desk.expires': 'Valid until {time}, once.',
  'desk.handover':
    'Ask the owner to open the “Activate your account” page and enter the registered mobile number, this code and a new password.',
  'desk.whatsapp': 'Send by WhatsApp',
  'desk.whatsapp.text':
    'Your Pasar Lokal activation code: {code} (valid until {time}, once). Open {url}, enter your mobile number, this code and a new password. Do not share this code with anyone.',
  'desk.done': 'Done',
  'desk.registerNew': 'Register a new UMKM',
  'desk.queue': 'Owners who have not activated their account',
  'desk.queue.empty': 'Every owner in your kecamatan has activated their account.',
  'desk.notAllowed': 'The kecamatan desk is for kecamatan mentors (pendamping) only.',

  'notFound.title': 'Page not found',
  'notFound.text': 'The address you opened does not exist. It may be mistyped, or the page has moved.',
};
