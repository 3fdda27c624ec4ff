// Bahasa Indonesia: the source of truth. Every key here must exist in en.ts (checked by the type of `en` and by
// i18n.test.ts). Written for a warung owner and a civil servant: short sentences, everyday words.
export const id = {
  'app.name': 'Pasar Lokal',
  'app.skip': 'Langsung ke isi',
  'app.loading': 'Memuat…',
  'app.loadFailed': 'Halaman ini gagal dimuat. Periksa sambungan internet, lalu muat ulang.',
  'app.reload': 'Muat ulang',

  'nav.label': 'Menu utama',
  'nav.home': 'Beranda',
  'nav.search': 'Cari produk',
  'nav.opportunities': 'Peluang pengadaan',
  'nav.login': 'Masuk',
  'nav.register': 'Daftar UMKM',
  'nav.dashboard': 'Beranda saya',

  'lang.label': 'Bahasa',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'footer.about': 'Pasar Lokal — platform terbuka untuk menumbuhkan usaha kecil di daerah.',
  'footer.licence': 'Kode sumber berlisensi Apache-2.0.',
  'footer.api': 'Dokumentasi API',
  'footer.ocds': 'Data terbuka pengadaan (OCDS)',

  'home.title': 'Beranda',
  'home.heading': 'Usaha kecil tumbuh lewat pasar lokal',
  'home.lead':
    'Pasar Lokal mempertemukan UMKM binaan Jakpreneur dengan pembelinya: kantor pemerintah, pegawai negeri dan warga, serta mal. Semua hasilnya tercatat dan terbuka untuk umum.',
  'home.cta.login': 'Masuk',
  'home.cta.register': 'Daftar UMKM',
  'home.search.label': 'Cari produk UMKM',
  'home.search.hint': 'Misalnya: kue lapis, batik, kopi',
  'home.search.button': 'Cari',

  'figures.heading': 'Angka hari ini',
  'figures.intro': 'Dihitung langsung dari data platform, bukan perkiraan.',
  'figures.loading': 'Memuat angka terbaru…',
  'figures.error': 'Angka belum bisa dimuat. Periksa sambungan internet Anda.',
  'figures.retry': 'Coba lagi',
  'figures.updated': 'Diperbarui {time}',
  'figures.members': 'UMKM binaan',
  'figures.products': 'Produk',
  'figures.agencies': 'Pengampu',
  'figures.buyers': 'Pembeli pemerintah (OPD dan BUMD)',
  'figures.malls': 'Mal mitra',
  'figures.lenders': 'Lembaga pembiayaan',
  'figures.regions': 'Wilayah: {cities} kota/kabupaten, {districts} kecamatan, {villages} kelurahan.',
  'figures.byCity': 'UMKM binaan per kota',
  'figures.byCityEmpty': 'Belum ada UMKM binaan yang terdaftar.',

  'jakpreneur.heading': 'Apa itu Jakpreneur?',
  'jakpreneur.intro':
    'Jakpreneur adalah program pemerintah daerah untuk membina usaha kecil. Ada tujuh tahap. Setiap usaha mengambil tahap yang dibutuhkan saja — tidak wajib semuanya.',
  'jakpreneur.p1': 'Pendaftaran',
  'jakpreneur.p1.text': 'Usaha Anda tercatat sebagai UMKM binaan.',
  'jakpreneur.p2': 'Pelatihan',
  'jakpreneur.p2.text': 'Belajar produksi, kemasan, dan berjualan.',
  'jakpreneur.p3': 'Pendampingan',
  'jakpreneur.p3.text': 'Pendamping di kecamatan membantu langkah demi langkah.',
  'jakpreneur.p4': 'Perizinan',
  'jakpreneur.p4.text': 'Mengurus NIB, PIRT, sertifikat halal, dan merek.',
  'jakpreneur.p5': 'Pemasaran',
  'jakpreneur.p5.text': 'Menjual lewat tiga jalur di bawah ini.',
  'jakpreneur.p6': 'Pelaporan keuangan',
  'jakpreneur.p6.text': 'Mencatat penjualan dan omzet dengan rapi.',
  'jakpreneur.p7': 'Permodalan',
  'jakpreneur.p7.text': 'Mengajukan modal ke bank dengan bukti penjualan.',

  'channels.heading': 'Tiga jalur berjualan',
  'channels.eorder': 'e-Order: belanja pemerintah',
  'channels.eorder.text':
    'Kantor pemerintah dan BUMD membeli makanan, minuman, dan barang dari UMKM yang lolos kurasi. Pesanan, serah terima, dan pembayaran tercatat, jadi pembayaran yang lambat terlihat.',
  'channels.jbl': 'Jumat Beli Lokal',
  'channels.jbl.text':
    'Setiap Jumat, satu kota bergiliran menjual produk UMKM pilihan. Pesan sebelum Kamis pukul 20.00\u00a0WIB, bayar dengan QRIS, lalu ikuti belanja langsung hari Jumat.',
  'channels.jbl.link': 'Belanja di Jumat Beli Lokal',
  'channels.mall': 'UMKM Goes To Mall',
  'channels.mall.text':
    'Mal menyediakan tempat gratis untuk UMKM. Pembagian tempat dilakukan adil dan bisa dijelaskan: yang belum pernah dapat tempat didahulukan.',

  'audience.heading': 'Untuk siapa?',
  'audience.owner': 'Pemilik usaha',
  'audience.owner.text':
    'Punya warung, katering, atau kerajinan? Daftarkan usaha Anda, tampilkan produk, terima pesanan dari kantor pemerintah, dan lihat omzet Anda tumbuh.',
  'audience.civil': 'Pegawai pemerintah',
  'audience.civil.text':
    'Pesan konsumsi rapat dari UMKM binaan lewat e-Order, belanja di Jumat Beli Lokal, dan lihat berapa bagian belanja kantor Anda yang sampai ke usaha kecil.',

  'common.backHome': 'Kembali ke beranda',

  'form.required': 'Wajib diisi.',
  'form.optional': '(tidak wajib)',
  'form.showPassword': 'Tampilkan kata sandi',
  'form.passwordShort': 'Kata sandi minimal 8 karakter.',
  'form.passwordHint': 'Minimal 8 karakter. Jangan pakai tanggal lahir atau nomor HP.',

  'error.network': 'Tidak bisa terhubung ke server. Periksa sambungan internet, lalu coba lagi.',
  'error.tooMany': 'Terlalu banyak percobaan. Coba lagi dalam {seconds} detik.',
  'error.unknown': 'Terjadi kesalahan. Silakan coba lagi.',

  'login.title': 'Masuk',
  'login.login': 'Email atau nomor HP',
  'login.login.hint': 'Contoh: nama@contoh.id atau 0812…',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.busy': 'Memproses…',
  'login.wait': 'Tunggu sebentar…',
  'login.totp.intro':
    'Akun ini memakai verifikasi dua langkah. Buka aplikasi autentikator di HP Anda dan masukkan kodenya.',
  'login.totp': 'Kode verifikasi (6 angka)',
  'login.totp.hint': 'Kode berganti setiap 30 detik.',
  'login.recovery.intro':
    'Tidak memegang HP Anda? Masukkan salah satu kode pemulihan yang Anda simpan saat mengaktifkan verifikasi dua langkah. Setiap kode hanya berlaku sekali.',
  'login.recovery': 'Kode pemulihan',
  'login.useRecovery': 'Pakai kode pemulihan',
  'login.useTotp': 'Pakai kode dari aplikasi',
  'login.back': 'Ganti akun',
  'login.verify': 'Verifikasi',
  'login.forgot': 'Lupa kata sandi?',
  'login.claim': 'Aktifkan akun dengan kode dari kecamatan',

  'claim.title': 'Aktifkan akun',
  'claim.intro':
    'Usaha Anda didaftarkan di kantor kecamatan? Pendamping memberi Anda kode aktivasi. Masukkan nomor HP yang Anda daftarkan, kode itu, dan kata sandi baru. Kode yang sama dipakai bila Anda lupa kata sandi.',
  'claim.login': 'Nomor HP',
  'claim.login.hint': 'Nomor yang Anda berikan saat mendaftar, misalnya 0812…',
  'claim.code': 'Kode aktivasi',
  'claim.code.hint': 'Contoh: ABCDE-FGH23. Berlaku 3 hari dan hanya sekali.',
  'claim.password': 'Kata sandi baru',
  'claim.submit': 'Aktifkan dan masuk',
  'claim.haveAccount': 'Sudah punya kata sandi? Masuk',

  'forgot.title': 'Lupa kata sandi',
  'forgot.intro': 'Masukkan email atau nomor HP akun Anda. Kami kirimkan tautan untuk membuat kata sandi baru.',
  'forgot.submit': 'Kirim tautan',
  'forgot.owner':
    'Pemilik UMKM tanpa email dapat meminta kode baru ke pendamping di kantor kecamatan dengan membawa KTP.',
  'forgot.back': 'Kembali ke halaman masuk',

  'reset.title': 'Buat kata sandi baru',
  'reset.noToken': 'Tautan ini tidak lengkap. Buka lagi tautan dari pesan yang Anda terima, atau minta tautan baru.',
  'reset.password': 'Kata sandi baru',
  'reset.submit': 'Simpan kata sandi',
  'reset.again': 'Minta tautan baru',

  'account.signedInAs': 'Masuk sebagai',
  'account.logout': 'Keluar',
  'account.logoutAll': 'Keluar dari semua perangkat',
  'account.logoutFailed': 'Gagal keluar. Periksa sambungan internet, lalu coba lagi.',
  'account.notifications': 'Notifikasi',
  'account.unread': 'belum dibaca',

  'dash.title': 'Beranda saya',
  'dash.hello': 'Halo, {name}',
  'dash.roles': 'Peran Anda: {roles}.',
  'dash.noRoles': 'Akun ini belum punya peran. Hubungi admin Dinas PPKUKM.',
  'dash.security': 'Keamanan akun',
  'dash.security.text':
    'Lindungi akun dengan verifikasi dua langkah: selain kata sandi, masuk memerlukan kode dari HP Anda.',

  'role.platform_admin': 'Admin Dinas PPKUKM',
  'role.pengampu_officer': 'Petugas pengampu',
  'role.pendamping': 'Pendamping kecamatan',
  'role.kasatpel': 'Kasatpel kecamatan',
  'role.kurator': 'Kurator produk',
  'role.umkm_owner': 'Pemilik UMKM',
  'role.pa_kpa': 'Pengguna Anggaran (PA/KPA)',
  'role.ppk': 'Pejabat Pembuat Komitmen (PPK)',
  'role.pejabat_pengadaan': 'Pejabat Pengadaan',
  'role.bendahara': 'Bendahara',
  'role.bppbj_analyst': 'Analis BPPBJ',
  'role.auditor': 'Auditor',
  'role.mall_partner': 'Mitra pengelola mal',
  'role.lender_officer': 'Petugas lembaga pembiayaan',
  'role.asn_buyer': 'ASN pembeli',
  'role.public_buyer': 'Pembeli umum',

  'scope.fostering_agency': 'Pengampu',
  'scope.district': 'Kecamatan',
  'scope.agency': 'Instansi',
  'scope.mall': 'Mal',
  'scope.lender': 'Lembaga pembiayaan',

  'totp.title': 'Verifikasi dua langkah',
  'totp.required':
    'Peran Anda mengurus uang atau aturan, jadi wajib memakai verifikasi dua langkah. Aktifkan dulu sebelum melanjutkan.',
  'totp.already': 'Verifikasi dua langkah sudah aktif untuk akun ini.',
  'totp.step1':
    'Pasang aplikasi autentikator di HP Anda (misalnya Google Authenticator, Microsoft Authenticator, atau Aegis).',
  'totp.step2': 'Tambahkan akun di aplikasi itu dengan kunci rahasia berikut (ketik persis, spasi boleh diabaikan):',
  'totp.secret': 'Kunci rahasia',
  'totp.openApp': 'Atau buka langsung di aplikasi autentikator',
  'totp.step3': 'Masukkan kode 6 angka yang muncul di aplikasi.',
  'totp.code.invalid': 'Masukkan 6 angka.',
  'totp.confirm': 'Aktifkan',
  'totp.recovery.heading': 'Simpan kode pemulihan Anda',
  'totp.recovery.text':
    'Verifikasi dua langkah sudah aktif. Bila HP Anda hilang, masuk dengan salah satu kode di bawah ini (masing-masing sekali pakai). Kode ini hanya ditampilkan sekarang: tulis atau simpan di tempat aman.',
  'totp.recovery.copy': 'Salin semua kode',
  'totp.recovery.saved': 'Saya sudah menyimpan kode pemulihan',
  'totp.recovery.continue': 'Lanjut ke beranda saya',

  'desk.title': 'Meja kecamatan',
  'desk.intro':
    'Periksa KTP pemilik terlebih dahulu. Lalu buat kode aktivasi sekali pakai dan berikan kepada pemilik: dengan kode itu ia mengaktifkan akun, atau masuk lagi bila lupa kata sandi.',
  'desk.umkmId': 'Nomor UMKM',
  'desk.umkmId.hint': 'Angka setelah “UMKM #” di daftar antrean.',
  'desk.umkmId.invalid': 'Masukkan nomor UMKM (angka).',
  'desk.issue': 'Buat kode',
  'desk.issueFor': 'Buat kode untuk {name}',
  'desk.issued': 'Kode aktivasi untuk {name}',
  'desk.expires': 'Berlaku sampai {time}, sekali pakai.',
  'desk.handover':
    'Minta pemilik membuka halaman “Aktifkan akun”, memasukkan nomor HP yang terdaftar, kode ini, dan kata sandi baru.',
  'desk.whatsapp': 'Kirim lewat WhatsApp',
  'desk.whatsapp.text':
    'Kode aktivasi akun Pasar Lokal Anda: {code} (berlaku sampai {time}, sekali pakai). Buka {url}, masukkan nomor HP Anda, kode ini, dan kata sandi baru. Jangan berikan kode ini kepada siapa pun.',
  'desk.done': 'Selesai',
  'desk.registerNew': 'Daftarkan UMKM baru',
  'desk.queue': 'Pemilik yang belum mengaktifkan akun',
  'desk.queue.empty': 'Semua pemilik di kecamatan Anda sudah mengaktifkan akun.',
  'desk.notAllowed': 'Meja kecamatan hanya untuk pendamping kecamatan.',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.text': 'Alamat yang Anda buka tidak ada. Mungkin salah ketik, atau halamannya sudah dipindah.',
} as const;

export type MessageKey = keyof typeof id;
