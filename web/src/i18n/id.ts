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
  'nav.login': 'Masuk',
  'nav.register': 'Daftar UMKM',

  'lang.label': 'Bahasa',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'footer.about': 'Pasar Lokal — platform terbuka untuk menumbuhkan usaha kecil di daerah.',
  'footer.licence': 'Kode sumber berlisensi Apache-2.0.',
  'footer.api': 'Dokumentasi API',

  'home.title': 'Beranda',
  'home.heading': 'Usaha kecil tumbuh lewat pasar lokal',
  'home.lead':
    'Pasar Lokal mempertemukan UMKM binaan Jakpreneur dengan pembelinya: kantor pemerintah, pegawai negeri dan warga, serta mal. Semua hasilnya tercatat dan terbuka untuk umum.',
  'home.cta.login': 'Masuk',
  'home.cta.register': 'Daftar UMKM',

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

  'login.title': 'Masuk',
  'login.soon': 'Halaman masuk sedang disiapkan. Silakan kembali lagi nanti.',
  'register.title': 'Daftar UMKM',
  'register.soon':
    'Pendaftaran daring sedang disiapkan. Untuk sementara, daftar di kantor kecamatan dengan membawa KTP dan KK.',
  'common.backHome': 'Kembali ke beranda',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.text': 'Alamat yang Anda buka tidak ada. Mungkin salah ketik, atau halamannya sudah dipindah.',
} as const;

export type MessageKey = keyof typeof id;
