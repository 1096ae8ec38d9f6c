# popmail — Bahasa Indonesia. Dialog Pengaturan: akun, formulir akun, cari
# pengaturan, diagnosis, aturan, opsi spam dan Preferensi (src/ui/settings,
# src/ui/prefs.rs). Ikuti glosarium di common.ftl.

## Judul dialog dan tab-tabnya.

settings-title = Pengaturan
settings-tab-accounts = Akun
settings-tab-preferences = Preferensi
settings-tab-rules = Aturan

## Tab Preferensi.

settings-language = Bahasa
settings-theme = Tema
# Pilihan tema: ikuti sistem, terang, gelap.
settings-theme-system = Sistem
settings-theme-light = Terang
settings-theme-dark = Gelap
settings-font-size = Ukuran huruf
# Setelah angka pada penggeser ukuran huruf.
settings-font-size-unit = { " " }pt
# Letak panel baca: di kanan atau di bawah daftar pesan.
settings-reader = Panel baca
settings-reader-right = Kanan
settings-reader-bottom = Bawah
settings-mark-read-after = Tandai dibaca setelah
# Setelah angka penggeser jeda (detik).
settings-seconds-unit = { " " }dtk
settings-mark-read-hint = 0: pesan langsung ditandai sudah dibaca saat dibuka
settings-notifications = Notifikasi
settings-notify = Beri tahu saat ada pesan baru
settings-notify-details = Tampilkan pengirim dan subjek (tidak saat terkunci)
# { $why }: alasan layanan notifikasi tidak menjawab.
settings-notify-unavailable = Notifikasi tidak dapat ditampilkan di sini: { $why }. Bilah status tetap menghitung pesan baru.
settings-data-folder = Folder data
settings-no-data-folder = Tidak ada folder data yang terbuka.
settings-data-folder-holds = Semua pesan dan pengaturan disimpan di sini (kata sandi hanya jika tidak ada keychain).
settings-open-folder = Buka folder
settings-open-folder-hint = Tampilkan folder data di pengelola berkas
settings-back-up = Cadangkan sekarang…
settings-back-up-hint = Salin semua pesan dan pengaturan ke berkas baru, sementara popmail tetap berjalan
settings-backing-up = Mencadangkan ke { $path }…
settings-cancel-backup = Batalkan pencadangan
# { $size } sudah diformat ("1,5 MB"); { $file } nama berkas penyimpanan.
settings-backup-saved = Cadangan disimpan di { $path } ({ $size }). Untuk memulihkannya, tutup popmail lalu letakkan berkas itu sebagai pengganti { $file } di folder data.
settings-backup-size-unknown = ukurannya tidak diketahui: { $error }
settings-backup-cancelled = Pencadangan dibatalkan.
settings-backup-failed = Pencadangan gagal: { $error }
settings-backup-worker-stopped = pekerja tugas sudah berhenti
settings-backup-worker-stopped-why = pekerja tugas berhenti: { $reason }

## Tab Akun.

settings-store-not-open = Penyimpanan surel belum terbuka, jadi akun tidak dapat diubah.
settings-no-accounts = Belum ada akun. Tambahkan satu untuk mengunduh surel lewat POP3.
# Setelah nama akun di daftar.
settings-account-disabled = (nonaktif)
settings-add = Tambah…
settings-edit = Ubah…
settings-duplicate = Duplikat
settings-remove = Hapus…
settings-edit-account = Ubah akun “{ $name }”
settings-new-account = Akun baru
settings-save-hint = Simpan akun (Enter)
settings-cancel-hint = Buang perubahan (Esc)
settings-account-not-saved = Akun tidak disimpan: { $error }.
settings-account-added = “{ $name }” ditambahkan.
settings-account-saved = “{ $name }” disimpan.
settings-password-in-store = Keychain menolak kata sandi, jadi kata sandi disimpan di penyimpanan surel popmail.
settings-sign-in-in-store = Keychain menolak data masuk, jadi data itu disimpan di penyimpanan surel popmail.
settings-password-not-saved = Namun kata sandi tidak disimpan: { $error }.
settings-sign-in-not-saved = Namun data masuk tidak disimpan: { $error }.
settings-checking-now = Sedang memeriksa pesan baru.
settings-password-unreadable = Kata sandi yang disimpan tidak dapat dibaca: { $error }.
settings-enter-password-to-test = Masukkan kata sandi untuk menguji koneksi.
settings-remove-title = Hapus “{ $name }”?
settings-remove-explain = popmail berhenti memeriksa akun ini dan melupakan kata sandinya. Tidak ada yang dihapus di server.
# { $messages }: "12 pesan".
settings-remove-keep = Simpan pesan yang sudah diunduh ({ $messages }) di folder lokal
settings-remove-delete = Hapus pesan yang sudah diunduh ({ $messages }) dari komputer ini
settings-remove-account = Hapus akun
# { $done }: "5 pesan"; { $total }: angka.
settings-removing = Menghapus “{ $name }”… { $done } dari { $total }
# Akun yang namanya tidak diketahui, dengan nomornya.
settings-account-number = akun { $number }
settings-a-local-folder = sebuah folder lokal
# { $folder } sudah berkutip: “Kerja”.
settings-removed-kept = “{ $name }” dihapus. Pesannya ada di folder { $folder }.
settings-removed-deleted = “{ $name }” dan pesan yang sudah diunduh telah dihapus.
settings-not-removed = “{ $name }” tidak dihapus: { $error }.
settings-removed-password-kept = “{ $name }” dihapus, tetapi kata sandinya masih ada di keychain: { $error }.
# Baris di samping setiap akun: keamanan · kebijakan · pemeriksaan.
settings-summary-plain = tanpa enkripsi
settings-summary-delete = hapus dari server
settings-summary-keep = simpan salinan di server
settings-summary-keep-days = { $count ->
   *[other] simpan salinan { $count } hari
}
settings-summary-every = { $count ->
   *[other] periksa tiap { $count } menit
}
settings-summary-when-asked = periksa bila diminta

## Formulir akun.

# Nama akun hasil duplikat.
settings-copy-name = { $name } (salinan)
settings-copy-name-n = { $name } (salinan { $number })
settings-auth-auto = Otomatis (yang paling aman dari server)
settings-auth-oauth = Masuk dengan Google, Microsoft, Yahoo, AOL, Fastmail… (OAuth 2.0)
settings-auth-user = Kata sandi (USER/PASS)
settings-form-name = Nama akun
# Contoh di kolom nama akun yang kosong.
settings-form-name-hint = Rumah
settings-form-email = Alamat surel
settings-form-server = Server
settings-form-security = Keamanan
settings-form-tls-hint = Terenkripsi sejak awal (biasanya port 995)
settings-form-starttls-hint = Enkripsi diaktifkan setelah tersambung (biasanya port 110)
# Keamanan: tanpa enkripsi.
settings-form-plain = Tidak ada
settings-form-plain-hint = Tanpa enkripsi: siapa pun di jaringan dapat membaca semuanya
settings-form-plain-ok = Saya paham kata sandi dikirim tanpa enkripsi
settings-form-port = Port
settings-form-user = Nama pengguna
settings-form-user-hint = sering kali alamat surel Anda
settings-form-sign-in = Masuk
settings-form-signed-out = Akun ini sudah tidak masuk: masuk lagi untuk mengambil pesannya.
settings-form-ca = Berkas CA tepercaya
settings-form-ca-none = tidak ada (otoritas sertifikat sistem)
settings-form-choose = Pilih…
settings-form-ca-hint = Berkas PEM berisi otoritas sertifikat tambahan yang dipercaya
# Judul dialog berkas untuk memilih berkas CA.
settings-form-ca-title = Sertifikat CA tepercaya
settings-form-clear = Kosongkan
settings-form-pin = Sertifikat tersemat
settings-form-unpin = Lepas sematan
settings-form-unpin-hint = Kembali hanya mempercayai sertifikat yang dipercaya sistem
# Tidak ada sertifikat yang disematkan.
settings-form-pin-none = tidak ada
settings-form-password = Kata sandi
settings-form-password-keep = kosongkan bila tidak diubah
settings-form-password-keychain = Kata sandi disimpan di keychain sistem.
settings-form-sign-in-keychain = Data masuk disimpan di keychain sistem.
settings-form-password-store = Keychain sistem tidak tersedia: kata sandi disimpan di penyimpanan surel popmail, berkas yang hanya dapat Anda baca.
settings-form-sign-in-store = Keychain sistem tidak tersedia: data masuk disimpan di penyimpanan surel popmail, berkas yang hanya dapat Anda baca.
settings-form-auth = Autentikasi
settings-form-on-server = Di server
settings-form-delete = Hapus dari server setelah diunduh
settings-form-keep = Simpan salinan di server
# Diikuti kolom angka dan settings-form-days: "Simpan salinan selama [14] hari".
settings-form-keep-for = Simpan salinan selama
settings-form-days = hari
settings-form-delete-with-local = Hapus juga dari server bila saya menghapusnya di sini
# Diikuti kolom angka dan "KB".
settings-form-headers-only = Unduh header saja untuk pesan lebih dari
settings-form-kb = KB
settings-form-checking = Memeriksa pesan
# "Periksa tiap [15] menit".
settings-form-check-every = Periksa tiap
settings-form-minutes = menit
settings-form-check-at-start = Periksa saat mulai
settings-form-enabled = Aktif
settings-form-enabled-hint = Akun nonaktif dilewati oleh “Sinkronkan semua” dan pemeriksaan berkala

## Masalah di bawah kolom formulir akun.

settings-check-name = Beri nama akun, misalnya “Rumah”.
settings-check-name-taken = Sudah ada akun bernama “{ $name }”. Pilih nama lain.
settings-check-email = Masukkan alamat surel Anda.
settings-check-email-bad = Ini tidak tampak seperti alamat surel (nama@example.org).
settings-check-host = Masukkan nama server, misalnya pop.example.org.
settings-check-host-bad = Masukkan nama server saja, tanpa spasi atau “pop3://”.
settings-check-port = Port harus berupa angka 1 sampai 65535.
settings-check-plain = Tanpa enkripsi, centang kotak di atas untuk mengonfirmasi, atau pilih TLS.
settings-check-user = Masukkan nama pengguna yang diminta server (sering kali alamat surel Anda).
settings-check-sign-in = Masuk ke penyedia sebelum menyimpan.
settings-check-password = Masukkan kata sandi.
settings-check-days = Masukkan jumlah hari, minimal 1.
settings-check-size = Masukkan ukuran dalam KB, minimal 1.
settings-check-minutes = Masukkan jumlah menit, minimal 1.
# { $fields }: nama-nama settings-field-* di bawah, dipisah koma.
settings-check-summary = Untuk menyimpan, isi atau perbaiki: { $fields }.
settings-field-name = nama akun
settings-field-email = alamat surel
settings-field-host = server
settings-field-port = port
settings-field-plain = kotak kata sandi tanpa enkripsi
settings-field-user = nama pengguna
settings-field-password = kata sandi
settings-field-sign-in = masuk
settings-field-days = hari menyimpan salinan
settings-field-size = batas ukuran
settings-field-minutes = menit antar pemeriksaan

## Diagnosis di bawah formulir akun: Uji koneksi dan pratinjau pembersihan.

# Nama langkah pertama uji koneksi yang tidak dapat dimulai.
settings-test-start = Mulai
settings-diagnosis = Diagnosis
settings-test-no-sync = Sinkronisasi tidak tersedia di versi ini
settings-test-fill-in = Isi dulu server, port, dan nama pengguna
settings-test = Uji koneksi
settings-test-hint = Sambungkan dan masuk dengan pengaturan ini, langkah demi langkah
settings-test-running = Pengujian sedang berjalan
settings-preview = Pratinjau pembersihan server
settings-preview-hint = Apa yang akan dihapus di server pada sinkronisasi berikutnya (pengaturan tersimpan)
settings-preview-save-first = Simpan akun dulu
settings-preview-running = Menanyakan isi server…
settings-preview-failed = Pratinjau gagal: { $error }
settings-testing = Menguji…
settings-test-works = Koneksi berfungsi.
settings-cert = Sertifikat server
# Subjek sertifikat (siapa yang disebutnya), bukan subjek pesan.
settings-cert-subject = Subjek
settings-cert-issuer = Penerbit
settings-cert-expires = Berlaku hingga
settings-cert-pinned = Sertifikat ini sudah disematkan. Uji lagi, lalu Simpan.
settings-cert-trust-if = Percayai hanya jika Anda sendiri yang menjalankan server ini atau penyedia Anda memberikan sidik jari ini.
settings-cert-trust = Percayai sertifikat ini (sematkan sidik jarinya)

## Masuk dengan penyedia OAuth (formulir akun).

settings-oauth-other-provider = penyedia lain
# Alasan proses masuk berhenti (setelah "Proses masuk berhenti:").
settings-oauth-form-closed = formulir ditutup
settings-oauth-ended = proses masuk selesai
settings-oauth-not-started = Proses masuk tidak dapat dimulai.
settings-oauth-not-started-why = Proses masuk tidak dapat dimulai: { $error }.
settings-oauth-cancelled = Proses masuk dibatalkan.
settings-oauth-stopped = Proses masuk berhenti: { $reason }.
settings-oauth-provider = Penyedia
settings-oauth-client-id = ID klien
# { $variable }: nama variabel lingkungan.
settings-oauth-client-id-hint = atau atur { $variable }
settings-oauth-tenant = Tenant
settings-oauth-advanced = Lanjutan: endpoint dan cakupan
# Di kolom kosong: nilai bawaan penyedia yang dipakai.
settings-oauth-preset = bawaan penyedia
settings-oauth-authorize-url = URL otorisasi
settings-oauth-token-url = URL token
settings-oauth-device-url = URL perangkat
settings-oauth-optional = opsional
settings-oauth-scope = Cakupan
settings-oauth-secret-env = Variabel rahasia klien
settings-oauth-secret-env-hint = hanya jika penyedia memintanya
settings-oauth-mechanism = Mekanisme
settings-oauth-sign-in-again = Masuk lagi
settings-oauth-sign-in-with = Masuk dengan { $provider }
settings-oauth-waiting = Menunggu Anda masuk di peramban…
settings-oauth-cancel = Batalkan masuk
settings-oauth-no-browser = Peramban tidak terbuka. Buka alamat ini sendiri:
# { $who }: nama pengguna atau alamat surel.
settings-oauth-signed-in = Masuk dengan { $provider } sebagai { $who }. Simpan agar tetap masuk.
settings-oauth-signed-in-earlier = Sudah masuk sebelumnya; masuk lagi untuk memperbarui.
settings-oauth-explain = Masuk agar popmail dapat membaca surel Anda. Kata sandi Anda tidak pernah sampai ke popmail.

## Cari pengaturan (di bawah alamat surel pada formulir akun).

settings-find-looking = Mencari pengaturan…
settings-find-not-started = Pencarian tidak dapat dimulai: { $error }.
settings-find-cancelled = Pencarian pengaturan dibatalkan.
settings-find-stopped = Pencarian berhenti: { $reason }.
settings-find-cancel = Batalkan pencarian
settings-find-cancel-hint = Berhenti mencari pengaturan
settings-find = Cari pengaturan
settings-find-hint = Cari server dari alamat: daftar penyedia popmail, berkas autoconfig penyedia, DNS, lalu nama server yang umum
settings-find-type-email = Ketik alamat surel Anda dulu
# { $source }: tempat pengaturan ditemukan (daftar penyedia, URL, DNS).
settings-find-found-in = Ditemukan di { $source }.
settings-find-sign-in-with = Masuk dengan:
settings-find-app-password = Buat sandi aplikasi

## Pengaturan → Aturan: bagian Spam.

settings-junk = Spam
# Kedua angka memilih bentuk jamaknya sendiri.
settings-junk-learned = Filter spam sudah mempelajari { $junk ->
   *[other] { $junk } pesan spam
} dan { $good ->
   *[other] { $good } pesan baik
} (ajari dengan J dan Shift+J, atau Tandai sebagai spam dan Bukan spam).
# { $name }: nama akun.
settings-junk-trust = Percayai penilaian spam dari penyedia { $name }
settings-junk-trust-hint = X-Spam-Flag: YES, X-Spam-Status: Yes, atau subjek *****SPAM*****
# "Pindahkan spam yang lebih lama dari [30] hari ke Tempat Sampah".
settings-junk-expire = Pindahkan spam yang lebih lama dari
settings-junk-expire-days = hari ke Tempat Sampah
settings-junk-expire-explain = Nonaktif secara bawaan. Spam tidak pernah dihapus hanya karena spam: opsi ini memindahkannya ke Tempat Sampah setelah setiap sinkronisasi, dan masih dapat dipulihkan sampai Tempat Sampah dikosongkan.

## Pengaturan → Aturan.

settings-rules-not-saved = Aturan tidak disimpan: { $error }
settings-rules-run-cancelled = Proses dibatalkan.
settings-rules-junk-failed = Gagal menandai spam: { $error }
settings-rules-store-not-open = Penyimpanan surel belum terbuka, jadi aturan tidak dapat diubah.
settings-rules-order = Aturan dijalankan dengan urutan ini saat pesan tiba; setiap aturan yang cocok bertindak sampai ada yang berkata "stop".
settings-rules-none = Belum ada aturan. Tambahkan satu untuk memilah pesan saat tiba.
settings-rules-add = Tambah aturan…
settings-rules-edit = Ubah aturan…
settings-rules-delete = Hapus aturan
settings-rules-disable = Nonaktifkan
settings-rules-enable = Aktifkan
settings-rules-up = Naikkan
settings-rules-up-hint = Dijalankan lebih awal
settings-rules-down = Turunkan
settings-rules-down-hint = Dijalankan lebih akhir
settings-rules-import = Impor aturan…
# Judul dialog berkas.
settings-rules-import-title = Impor aturan
settings-rules-export = Ekspor aturan…
settings-rules-imported = { $count ->
   *[other] { $count } aturan diimpor dari { $path }.
}
settings-rules-not-imported = { $path } tidak diimpor: { $error }
settings-rules-exported = { $count ->
   *[other] { $count } aturan diekspor ke { $path }.
}
settings-rules-not-written = { $path } tidak ditulis: { $error }
settings-rules-test = Uji pada pesan terpilih
settings-rules-test-select = Pilih dulu pesan di daftar.
# { $rules }: nama aturan berkutip, dipisah koma; { $outcome }: yang akan terjadi.
settings-rules-test-matches = “{ $subject }”: cocok dengan { $rules }, jadi pesan ini akan { $outcome }.
# Diikuti pilihan folder.
settings-rules-run-on = Jalankan aturan pada
settings-rules-dry-run = Uji coba (hanya katakan apa yang akan terjadi)
settings-rules-run = Jalankan aturan di folder ini
settings-rules-running = { $count ->
   *[other] Menjalankan aturan: { $done } dari { $count } pesan
}
settings-rules-cancel-run = Batalkan proses
settings-rules-waiting = Menunggu tugas yang sedang berjalan selesai…
# Di antara syarat-syarat aturan (yang ditulis dalam sintaks aturan).
settings-rules-and = dan
settings-rules-or = atau
# Satu aturan di daftar: "1. Bos — jika from is bos@…, maka move Bos, star".
settings-rules-line = { $number }. { $name } — jika { $conditions }, maka { $actions }

## Penyunting aturan.

settings-rule-new = Aturan baru
settings-rule-new-n = Aturan baru { $number }
settings-rule-edit = Ubah aturan
settings-rule-name = Nama
# "Jika [semua|salah satu] syarat ini cocok:"
settings-rule-when = Jika
settings-rule-all = semua
settings-rule-any = salah satu
settings-rule-match = syarat ini cocok:
settings-rule-then = maka:
settings-rule-valid = Aturan ini valid.
settings-rule-save = Simpan aturan
settings-rule-condition = Syarat { $number }
# Label kolom tempat nama header diketik.
settings-rule-header-name = header
settings-rule-hint-size = 500K, 2M atau byte
settings-rule-hint-yes-no = ya atau tidak
settings-rule-hint-regex = ekspresi reguler
settings-rule-hint-text = teks
settings-rule-remove = Hapus
settings-rule-add-condition = Syarat
settings-rule-action = Tindakan { $number }
settings-rule-folder = folder
settings-rule-folder-hint = folder lokal
settings-rule-add-action = Tindakan
# Yang diperiksa sebuah syarat.
settings-rule-field-from = Pengirim
settings-rule-field-to = Penerima
settings-rule-field-to-or-cc = Penerima atau Cc
settings-rule-field-subject = Subjek
settings-rule-field-header = Header
settings-rule-field-body = Isi
settings-rule-field-size = Ukuran
settings-rule-field-attachments = Ada lampiran
settings-rule-field-account = Akun
settings-rule-field-age = Umur
# Cara syarat membandingkan.
settings-rule-contains = memuat
settings-rule-not-contains = tidak memuat
settings-rule-is = adalah
settings-rule-begins = diawali
settings-rule-ends = diakhiri
settings-rule-regex = cocok dengan
settings-rule-greater = lebih dari
settings-rule-less = kurang dari
# Tindakan.
settings-rule-move = Pindahkan ke folder
settings-rule-mark-read = Tandai sudah dibaca
settings-rule-star = Beri bintang
settings-rule-trash = Pindahkan ke Tempat Sampah
settings-rule-junk = Tandai sebagai spam
settings-rule-not-junk = Tandai bukan spam
settings-rule-stop = Berhenti memproses aturan
settings-rule-delete-server = Hapus dari server
settings-rule-leave-server = Biarkan di server
settings-rule-download-full = Unduh lengkap

