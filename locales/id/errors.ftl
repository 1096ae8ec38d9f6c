# popmail — Bahasa Indonesia. Pesan galat: tampilan setiap jenis galat di src/ (issue 16).
# Teks dari server atau sistem adalah argumen dan dibiarkan apa adanya.

## src/oauth/dns.rs

error-dns-bad-name = “{ $name }” bukan nama DNS yang sah
error-dns-no-answer = tidak ada jawaban DNS untuk { $name }: { $detail }
error-dns-refused = server DNS menolak pertanyaan untuk { $name } ({ $code })
error-dns-cancelled = dibatalkan

## src/oauth/mod.rs

error-oauth-bad-url = alamat { $what } “{ $url }” bukan URL yang sah ({ $reason })
error-oauth-not-https = alamat { $what } “{ $url }” harus diawali https:// (http:// biasa hanya boleh di komputer ini)
error-oauth-missing = { $what } belum diisi; penyedia khusus memerlukannya
error-oauth-no-client-id = tidak ada ID klien untuk { $provider }: daftarkan popmail pada penyedia itu dan berikan ID-nya dengan --client-id atau di { $env }
error-oauth-no-secret = variabel lingkungan { $var } (rahasia klien) belum diatur
error-oauth-unreachable = layanan masuk tidak dapat dihubungi: { $detail }
error-oauth-bad-answer = layanan masuk memberi jawaban yang tidak dapat dibaca popmail: { $detail }
error-oauth-refused = proses masuk ditolak ({ $detail })
error-oauth-expired = sesi masuk kedaluwarsa atau dicabut; masuk lagi ({ $detail })
error-oauth-code-expired = kode masuk kedaluwarsa sebelum dipakai; mulai proses masuk lagi
error-oauth-no-device = { $provider } tidak mengizinkan masuk dengan kode untuk surel; masuk lewat peramban
error-oauth-loopback = tidak dapat menunggu jawaban peramban di 127.0.0.1: { $detail }
error-oauth-browser-timeout = tidak ada proses masuk dari peramban dalam { $minutes } menit
error-oauth-cancelled = proses masuk dibatalkan

## src/oauth: bagian-bagian pengaturan masuk, disebut di dalam pesan
## error-oauth-… ("alamat { $what } …").

oauth-part-authorize = endpoint otorisasi
oauth-part-token = endpoint token
oauth-part-device = endpoint otorisasi perangkat
oauth-part-scope = cakupan (scope)
oauth-part-document = dokumen
# Alasan sebuah alamat bukan URL yang sah.
oauth-url-no-host = tanpa nama host
oauth-url-credentials = alamat itu memuat nama pengguna atau kata sandi
# Alasan pengambilan HTTP ditolak atau gagal.
oauth-http-not-https = alamat itu bukan https:// (popmail tidak pernah turun ke http biasa)
oauth-http-timeout = tidak ada jawaban dalam { $seconds } detik
oauth-http-bad-location = bukan alamat yang sah ({ $error })
oauth-http-redirects = lebih dari { $count } pengalihan
# Halaman yang ditampilkan peramban setelah penyedia mengembalikannya ke popmail.
oauth-page-not-ours = Ini bukan jawaban masuk yang ditunggu popmail.
oauth-page-signed-in = Sudah masuk ke popmail. Tab ini boleh ditutup.
oauth-page-failed = Proses masuk tidak selesai. Tutup tab ini lalu coba lagi di popmail.

## src/oauth/http.rs

error-http-cancelled = dibatalkan
error-http-redirect = server menjawab dengan pengalihan (HTTP { $status }), yang tidak diikuti popmail
error-http-too-large = jawabannya lebih besar dari { $limit } byte, melebihi ukuran wajar berkas semacam itu
error-http-status = server menjawab HTTP { $status }
error-http-refused-url = menolak membuka { $url }: { $reason }

## src/jobs/mod.rs

error-jobs-cancelled = dibatalkan
error-jobs-thread = utas { $name } gagal
error-jobs-import-stopped = impor berhenti setelah menyimpan { $count } pesan ({ $read } dari { $total } terbaca): { $source }

## src/ui/reader/open.rs

error-open-copy = lampiran tidak dapat disalin ke folder pribadi: { $error }
error-open-part = lampiran tidak dapat dibaca: { $error }
error-open-launch = sistem tidak dapat membuka { $name }: { $error }

## src/ui/mod.rs

error-ui-thread = utas latar jendela { $name } tidak dapat dimulai: { $error }
error-ui-window = jendela tidak dapat dibuka: { $error }. Apakah tampilan grafis tersedia (DISPLAY atau WAYLAND_DISPLAY)?

## src/ui/instance.rs

error-instance-bus = bus sesi desktop: { $error }
error-instance-refused = popmail yang sedang berjalan tidak menerima berkas-berkas itu

## src/discovery/mod.rs

error-discovery-bad-address = “{ $address }” bukan alamat surel (nama@contoh.com)
error-discovery-no-pop3 = { $provider } tidak punya layanan POP3. { $note }
error-discovery-nothing = pengaturan POP3 untuk { $domain } tidak ditemukan; masukkan server secara manual. Yang sudah dicoba:
    { $tried }
error-discovery-cancelled = pencarian pengaturan dibatalkan

## src/discovery/autoconfig.rs

error-autoconfig-fetch = { $url } tidak dapat diambil: { $error }
error-autoconfig-xml = berkas autoconfig bukan XML yang benar ({ $detail })
error-autoconfig-dtd = berkas autoconfig mendeklarasikan DTD (<!DOCTYPE …>), yang ditolak popmail
error-autoconfig-entity = berkas autoconfig memakai entitas “&{ $name };” yang tidak dideklarasikan
error-autoconfig-too-big = berkas autoconfig terlalu besar atau bersarang terlalu dalam ({ $what })
error-autoconfig-root = ini bukan berkas autoconfig (elemen akarnya <{ $root }>)
error-autoconfig-bad-field = berkas autoconfig memiliki { $field } yang salah: “{ $value }” ({ $why })
error-autoconfig-missing = sebuah server POP3 di berkas autoconfig tidak punya <{ $field }>
error-autoconfig-no-pop3 = berkas autoconfig tidak mencantumkan server POP3 (hanya IMAP atau SMTP)

## src/paths.rs

error-paths-no-home = folder rumah untuk folder data tidak ditemukan; berikan --data-dir DIR
error-paths-create = folder data { $path } tidak dapat dibuat: { $error }

## src/mail/rich/images.rs

error-image-too-large = gambar terlalu besar untuk ditampilkan ({ $width } × { $height })
error-image-too-many-bytes = gambar terlalu besar untuk ditampilkan ({ $size })
error-image-budget = gambar terlalu besar untuk ditampilkan (gambar dalam pesan ini melebihi batas)
error-image-format = gambar tidak dapat didekode: { $error }
error-image-remote = gambar jarak jauh tidak dimuat
error-image-missing = pesan tidak punya bagian { $part }

## src/mail/mod.rs

error-mail-parse = pesan tidak dapat diurai: { $error }
error-mail-no-part = pesan tidak punya bagian { $part }

## src/mailbox/mod.rs

error-mailbox-read = { $path } tidak dapat dibaca: { $error }
error-mailbox-write = { $path } tidak dapat ditulis: { $error }
error-mailbox-exists = { $path } sudah ada; pilih nama lain atau pakai --force untuk menimpanya
error-mailbox-not-a-mailbox = { $path } bukan berkas mbox, Maildir, atau berkas maupun direktori .eml ({ $why })
error-mailbox-unknown-format = format kotak surat { $format } tidak dikenal: pakai auto, mbox, mboxrd, mboxo, maildir, atau eml

## src/rules/mod.rs

error-rules-invalid = aturan "{ $rule }": { $detail }
error-rules-syntax = "{ $text }": { $detail }
error-rules-too-many = { $count } aturan melebihi yang dijalankan popmail (paling banyak { $max })
error-rules-json = berkas aturan ini bukan berkas aturan popmail: { $error }
error-rules-version = berkas aturan memakai format versi { $version }; popmail ini membaca versi 1

## src/pop3/error.rs

error-pop3-listed-twice = pesan { $msg } tercantum dua kali
error-pop3-sasl-extra = server mengirim tantangan SASL lebih banyak daripada yang dimiliki mekanisme
error-pop3-sasl-endless = pertukaran SASL tidak selesai
error-pop3-settings = pengaturan akun tidak sah: { $detail }
error-pop3-resolve = nama host { $host } tidak ditemukan: { $error }
error-pop3-connect = tidak dapat terhubung ke { $addr }: { $error }
error-pop3-timeout = waktu habis saat { $during }
error-pop3-network = galat jaringan saat { $during }: { $error }
error-pop3-closed = server menutup koneksi saat { $during }
error-pop3-tls = TLS gagal: { $detail }
error-pop3-untrusted = sertifikat tidak tepercaya { $subject } (penerbit { $issuer }, SHA-256 { $sha256 }): { $reason }
error-pop3-wrong-host = sertifikat ini untuk { $names }, bukan untuk { $host } (SHA-256 { $sha256 }): { $reason }
error-pop3-no-stls = server tidak menawarkan STLS
error-pop3-stls-refused = server menolak STLS: { $server_text }
error-pop3-plaintext = kata sandi untuk { $mechanism } tidak akan dikirim lewat koneksi tanpa enkripsi
error-pop3-no-mechanism = server tidak menawarkan autentikasi { $mechanism }
error-pop3-all-refused = server menolak metode masuk { $tried }: { $server_text }
error-pop3-login = gagal masuk: { $server_text }
error-pop3-expired = sesi masuk kedaluwarsa; masuk lagi ({ $status }: { $server_text })
error-pop3-in-use = kotak surat sedang dipakai: { $server_text }
error-pop3-too-soon = terlalu cepat masuk lagi: { $server_text }
error-pop3-temporary = masalah server sementara saat { $command }: { $server_text }
error-pop3-permanent = masalah server permanen saat { $command }: { $server_text }
error-pop3-refused = server menolak { $command }: { $server_text }
error-pop3-no-uidl = server tidak mendukung UIDL
error-pop3-protocol = galat protokol setelah { $command }: { $detail }
error-pop3-line-too-long = sebuah baris balasan { $command } lebih panjang dari { $limit } byte
error-pop3-message-too-large = pesan { $msg } lebih besar dari batas { $limit } byte
error-pop3-too-many = balasan { $command } mencantumkan lebih dari { $limit } pesan
error-pop3-bad-uidl = balasan UIDL tidak sah: { $detail }
error-pop3-not-now = { $command } tidak bisa dilakukan sekarang: { $detail }
error-pop3-unusable = koneksi tidak dapat dipakai setelah galat sebelumnya
error-pop3-store = gagal menyimpan pesan { $msg }: { $error }

## src/pop3/error.rs, Error::user_message: kalimat dan saran untuk orang
## (bilah status jendela, dialog, baris perintah). $server_text dan $error
## adalah kata-kata server dan sistem apa adanya.

pop3-say-settings = Pengaturan akun tidak sah ({ $detail }). Periksa pengaturan akun.
pop3-say-resolve = Nama server “{ $host }” tidak ditemukan. Periksa nama server dan koneksi internet.
pop3-say-connect = Tidak dapat terhubung ke { $addr } ({ $error }). Periksa nama server, port dan pengaturan keamanan, atau coba lagi nanti.
# $during berisi yang sedang dikerjakan: perintah POP3 (RETR 3) atau pop3-during-….
pop3-say-timeout = Server tidak menjawab tepat waktu ({ $during }). Coba lagi nanti; jika terus terjadi, perpanjang batas waktunya.
pop3-say-network = Koneksi gagal saat { $during } ({ $error }). Coba lagi nanti.
pop3-say-closed = Server menutup koneksi saat { $during }. Coba lagi nanti.
pop3-say-tls = Koneksi aman tidak dapat dibuat ({ $detail }). Periksa port dan pengaturan keamanan (port 995 memakai TLS, port 110 memakai STLS).
pop3-say-untrusted = Sertifikat server untuk “{ $subject }” tidak tepercaya ({ $reason }). Jika server ini milik sendiri, sertifikat ini bisa dipercaya dengan menyematkan sidik jarinya { $sha256 }.
# $names: “a.example”, “b.example”
pop3-say-wrong-host = Sertifikat server ini untuk { $names }, bukan untuk “{ $host }”, nama server di akun ini, jadi tidak ada yang dikirim. Mungkin ada pihak yang menyadap koneksi, atau nama servernya salah: jika server memang salah satu nama itu, pakai nama itu di pengaturan akun.
pop3-say-no-stls = Server tidak menawarkan koneksi terenkripsi (STLS), jadi kata sandi tidak dikirim. Pakai port 995 dengan TLS, atau tanyakan kepada penyedia layanan.
pop3-say-stls-refused = Server menolak memulai enkripsi (“{ $server_text }”), jadi kata sandi tidak dikirim. Pakai port 995 dengan TLS, atau coba lagi nanti.
pop3-say-plaintext = Kata sandi akan terkirim tanpa enkripsi ({ $mechanism }), jadi tidak dikirim. Pakai TLS, atau izinkan kata sandi tanpa enkripsi untuk akun ini jika risikonya diterima.
pop3-say-plaintext-next = Server menolak { $tried }; metode berikutnya yang ditawarkannya ({ $mechanism }) akan mengirim kata sandi tanpa enkripsi, jadi kata sandi tidak dikirim. Pakai TLS, atau izinkan kata sandi tanpa enkripsi untuk akun ini jika risikonya diterima.
pop3-say-no-method = Server tidak menawarkan metode masuk yang didukung popmail (USER/PASS, APOP, PLAIN, LOGIN, CRAM-MD5). Tanyakan metode yang harus dipakai kepada penyedia surel.
pop3-say-no-mechanism-auto = Server tidak menawarkan metode masuk { $mechanism }. Pilih autentikasi “otomatis” di pengaturan akun (yang akan memakai { $alternative }).
pop3-say-no-mechanism = Server tidak menawarkan metode masuk { $mechanism }, dan tidak ada metode lain yang ditawarkannya yang sama amannya di koneksi ini. Pakai TLS, atau tanyakan kepada penyedia surel.
pop3-say-all-refused = Server menolak metode masuk yang dicoba popmail ({ $tried }) sebelum kata sandi apa pun dikirim (“{ $server_text }”). Tanyakan metode yang harus dipakai kepada penyedia surel.
pop3-say-login = Server menolak nama pengguna atau kata sandi (“{ $server_text }”). Periksa keduanya di pengaturan akun.
pop3-say-login-tried = Server menolak nama pengguna atau kata sandi (“{ $server_text }”; sudah dicoba { $tried }). Periksa keduanya di pengaturan akun.
pop3-say-expired = Sesi masuk sudah kedaluwarsa; masuk lagi. Server tidak lagi menerima sesi masuk akun ini (mungkin kedaluwarsa atau dicabut).
pop3-say-in-use = Kotak surat sedang dipakai oleh program atau perangkat lain. Tutup di sana, atau tunggu beberapa menit lalu coba lagi.
pop3-say-too-soon = Server hanya mengizinkan pemeriksaan setiap { $seconds } detik. Tunggu lalu coba lagi, atau periksa lebih jarang.
pop3-say-too-soon-unknown = Server meminta jeda lebih lama antarpemeriksaan. Tunggu lalu coba lagi, atau periksa lebih jarang.
pop3-say-temporary = Server sedang mengalami masalah sementara (“{ $server_text }”). Coba lagi nanti.
pop3-say-permanent = Server melaporkan masalah permanen (“{ $server_text }”). Hubungi penyedia surel.
pop3-say-refused = Server menolak { $command } (“{ $server_text }”).
pop3-say-no-uidl = Server tidak mendukung ID pesan unik (UIDL), yang diperlukan agar pesan tidak diunduh dua kali.
pop3-say-protocol = Server mengirim balasan tidak sah untuk { $command } ({ $detail }). Server mungkin bermasalah; coba lagi nanti.
pop3-say-line-too-long = Server mengirim baris yang lebih panjang dari { $limit } byte sebagai balasan { $command }. Server mungkin bermasalah.
pop3-say-message-too-large = Pesan { $msg } lebih besar dari batas akun ini, { $limit } byte. Naikkan batasnya di pengaturan akun untuk mengunduhnya.
pop3-say-too-many = Server mencantumkan lebih dari { $limit } pesan. Naikkan batasnya di pengaturan akun, atau rapikan kotak surat.
pop3-say-bad-uidl = Server mengirim ID pesan yang tidak sah ({ $detail }). Server mungkin bermasalah; hubungi penyedia surel.
pop3-say-not-now = { $command } tidak bisa dilakukan sekarang ({ $detail }).
pop3-say-unusable = Koneksi terputus setelah galat sebelumnya. Hubungkan lagi.
pop3-say-store = Pesan { $msg } tidak dapat disimpan ({ $error }). Periksa ruang disk yang tersisa.

## Yang sedang dikerjakan sesi POP3 saat gagal ($during di atas dan di pesan
## error-pop3-…); perintah POP3 sendiri (RETR 3) tetap apa adanya.

pop3-during-greeting = sapaan server
pop3-during-connecting = menghubungkan ke { $addr }
pop3-during-sending = mengirim { $command }
pop3-during-tls = jabat tangan TLS
pop3-during-probe = pemeriksaan sertifikat
pop3-pin-mismatch = sidik jarinya tidak cocok dengan yang disematkan
pop3-during-login = proses masuk
pop3-not-encrypted = koneksinya tidak terenkripsi
pop3-unsafe-credentials = nama pengguna atau kata sandi mengandung pemisah baris atau NUL
pop3-no-certificate = server tidak mengirim sertifikat
pop3-not-logged-in = belum masuk
pop3-already-logged-in = sudah masuk
pop3-during-socket-setup = penyiapan soket
pop3-bad-ca-file = berkas CA: { $error }
pop3-cannot-read-ca-file = berkas CA { $path } tidak dapat dibaca: { $error }
pop3-bad-pin = sidik jari yang disematkan “{ $pin }” bukan 64 digit heksadesimal
pop3-probe-bad-greeting = pemeriksaan: sapaan server tidak sah
pop3-probe-stls-refused = pemeriksaan: STLS ditolak
pop3-no-addresses = tidak ada alamat
pop3-tls-already-active = TLS sudah aktif
pop3-parse-status = seharusnya +OK atau -ERR, tetapi yang datang “{ $got }”
pop3-parse-challenge = tantangan SASL bukan base64
# $count berupa jumlah karakter.
pop3-parse-uidl-length = ID unik sepanjang { $count } karakter (seharusnya 1–70)
pop3-parse-uidl-byte = ID unik memuat bita { $byte }
pop3-parse-stat = seharusnya “jumlah ukuran”, tetapi yang datang “{ $got }”
pop3-parse-scan = seharusnya “nomor ukuran”, tetapi yang datang “{ $got }”
pop3-parse-uidl-line = seharusnya “nomor ID-unik”, tetapi yang datang “{ $got }”
pop3-parse-number = nomor pesan tidak sah “{ $got }”
pop3-parse-cram-base64 = tantangan CRAM-MD5 bukan base64: { $error }
pop3-parse-cram-empty = tantangan CRAM-MD5 kosong
pop3-state-early-login = sudah masuk sebelum diminta
pop3-state-no-greeting = terbuka tanpa sapaan server
pop3-state-not-started = proses masuk tidak dimulai
pop3-state-not-ready = sesi belum siap untuk masuk
pop3-state-no-reconnect = tidak ada permintaan untuk menyambung ulang
pop3-state-no-reply = tidak ada balasan yang ditunggu
pop3-state-no-handshake = tidak ada permintaan jabat tangan TLS

## src/credentials.rs

error-keychain = rantai kunci sistem tidak dapat { $action } kata sandi: { $detail }
error-keychain-store-key = kunci penyimpanan tidak dapat disimpan di rantai kunci sistem ({ $error }); tetap pakai frasa sandi

## src/sync/error.rs

error-sync-no-password = belum ada kata sandi tersimpan untuk akun "{ $account }"
error-sync-sign-in = akun "{ $account }" harus masuk lagi
error-sync-thread = utas sinkronisasi tidak dapat dimulai: { $error }

## src/store/mod.rs

error-store-database = galat basis data saat { $context }: { $error }
error-store-open = penyimpanan surel { $path } tidak dapat dibuka: { $error }
error-store-newer = penyimpanan surel { $path } ditulis oleh versi popmail yang lebih baru (skema { $found }, versi ini hanya mengenal sampai { $known }); berkas tidak diubah — perbarui popmail
error-store-upgrade = penyimpanan surel { $path } tidak dapat ditingkatkan: { $detail }
error-store-locked = penyimpanan surel { $path } terenkripsi: berikan frasa sandinya (lewat prompt, atau POPMAIL_PASSPHRASE_FILE / POPMAIL_PASSPHRASE)
error-store-wrong-key = kunci ini tidak membuka penyimpanan surel { $path } (atau berkas itu bukan penyimpanan popmail)
error-store-full = penyimpanan surel tidak dapat bertambah saat { $context }: disk penuh (atau penyimpanan mencapai batas ukurannya); kosongkan sebagian ruang disk lalu coba lagi — yang sudah tersimpan tetap ada

## src/demo/mod.rs

error-demo-bind = server surel demo tidak dapat dimulai di { $addr }: { $error }
error-demo-socket = soket server surel demo tidak dapat disiapkan ({ $what }): { $error }
error-demo-thread = utas server surel demo tidak dapat dimulai: { $error }

## src/keys/mod.rs

error-keys-wrong-passphrase = frasa sandi salah: penyimpanan surel tidak dibuka (tidak ada yang diubah)
error-keys-wrong-recovery = kunci pemulihan salah: penyimpanan surel tidak dibuka (tidak ada yang diubah)
error-keys-bad-recovery = ini bukan kunci pemulihan: seharusnya 64 digit heksadesimal (tanda hubung dan spasi boleh)
error-keys-rate-limited = terlalu banyak frasa sandi salah; coba lagi dalam { $secs } dtk
error-keys-no-wrapping = berkas kunci { $path } tidak memuat pembungkus kunci { $kind }
error-keys-damaged = berkas kunci { $path } rusak ({ $detail }); pulihkan dari cadangan — tanpa berkas itu penyimpanan surel terenkripsi tidak dapat dibuka
error-keys-io = tidak dapat { $action } { $path }: { $error }
error-keys-crypto = bahan kunci tidak dapat dibuat: { $error }

## src/discovery: pengaturan yang ditemukan untuk sebuah alamat (Cari
## pengaturan, `popmail account add --email`).

discovery-auth-password = Kata sandi
discovery-auth-app-password = Kata sandi aplikasi
discovery-auth-app-password-link = Kata sandi aplikasi ({ $link })
discovery-auth-oauth = Masuk dengan { $provider }
discovery-custom-provider = penyedia identitas sendiri
discovery-source-table = daftar bawaan popmail ({ $provider })
discovery-source-autoconfig = berkas autoconfig penyedia di { $url }
discovery-source-srv = catatan DNS SRV { $record }
discovery-source-guess = tebakan: server menjawab sebagai server POP3
# $security: tls, starttls atau plain (seperti tertulis di pengaturan).
discovery-found-server = server POP3 { $host }:{ $port } ({ $security }), nama pengguna { $user }
discovery-found-provider = { $provider }: { $server }
# $source berisi salah satu discovery-source-….
discovery-found-source = ditemukan di { $source }
discovery-found-sign-in = masuk dengan: { $ways }
discovery-found-note = catatan: { $note }

## src/discovery/autoconfig.rs: batas yang dilanggar berkas autoconfig, dan
## nilai yang seharusnya (di dalam error-autoconfig-…).

autoconfig-bound-nesting = kedalaman elemen
autoconfig-bound-elements = jumlah elemen
autoconfig-bound-text = panjang teks
autoconfig-why-host = bukan nama host
autoconfig-why-socket = seharusnya SSL, STARTTLS atau plain
autoconfig-why-port = seharusnya angka 1 sampai 65535
autoconfig-why-username = memuat karakter kendali atau terlalu panjang

## src/mailbox: alasan sebagian berkas yang diimpor rusak (laporan impor,
## `popmail import`).

mailbox-damage-too-large = pesan lebih besar dari batas { $mib } MiB
mailbox-damage-leading-text = teks sebelum baris From_ pertama
mailbox-damage-empty = pesan kosong
mailbox-damage-no-header = tidak diawali kolom kepala pesan
mailbox-damage-unreadable = tidak dapat dibaca: { $error }
# $length dan $offset berupa angka tanpa pemisah; $count sama dengan $length.
mailbox-damage-skipped = { $path }: { $length } byte dilewati di posisi { $offset }: { $reason }

## Yang sedang dikerjakan Cari pengaturan, yang sudah dicoba tanpa hasil, dan catatan.

discovery-progress-table = Mencari di daftar penyedia popmail…
discovery-progress-autoconfig = Menanyakan { $url }…
discovery-progress-srv = Mencari catatan DNS SRV untuk { $domain }…
discovery-progress-guess = Mencoba { $host }:{ $port }…
discovery-skipped-table = daftar bawaan popmail: { $domain } tidak ada di dalamnya
discovery-skipped-autoconfig = autoconfig di { $url }: { $error }
discovery-skipped-srv = DNS SRV: { $error }
discovery-note-guessed-user = Nama pengguna ini tebakan (alamat lengkap); sebagian server hanya meminta bagian sebelum @.
discovery-note-outside = Server { $host } berada di luar { $domain }: pastikan penyedia memang memakainya.
discovery-note-plain-only = Berkas penyedia hanya mencantumkan koneksi tanpa enkripsi; popmail tidak akan mengirim kata sandi lewat koneksi itu kecuali diizinkan.
discovery-note-oauth = Penyedia ini juga menerima masuk dengan OAuth2; atur sebagai penyedia khusus jika alamat endpoint-nya diketahui.
discovery-note-unknown-auth = Berkas penyedia hanya menyebut metode masuk yang tidak dimiliki popmail; kata sandi mungkin tetap bisa dipakai.
autoconfig-redirect-leaves = pengalihan itu keluar dari { $domain }
autoconfig-ends-early = berkasnya berakhir terlalu cepat

## Alasan sebuah jalur bukan surel yang bisa diimpor (src/mailbox/discover.rs).

mailbox-not-maildir = ini berkas, padahal maildir berupa direktori
mailbox-not-mail = tidak diawali baris From_ maupun kepala pesan
mailbox-no-mail = tidak ada surel di dalamnya
# $reason: alasan sebagian isinya tidak dapat dibaca.
mailbox-no-mail-because = tidak ada surel di dalamnya; { $reason }
mailbox-too-deep = folder yang bertingkat lebih dari { $levels } tingkat tidak ditelusuri

## DNS untuk pencarian pengaturan (src/oauth/dns.rs, src/discovery/srv.rs).

dns-no-server = tidak ada server nama yang diatur
# $ms berupa angka tanpa pemisah.
dns-timeout = tidak ada jawaban dalam { $ms } md
discovery-srv-no-record = { $name }: tidak ada catatan
# Di dalam "Server tidak menawarkan metode masuk …" jika tidak ada yang dikenal popmail.
pop3-any-mechanism = yang didukung

## Catatan tabel penyedia bawaan (src/discovery/table.rs); nama menu
## ditulis seperti di layanan penyedia.

discovery-table-gmail-pop-on = Aktifkan POP di setelan Gmail > Forwarding and POP/IMAP (Penerusan dan POP/IMAP) sebelum unduhan pertama.
discovery-table-gmail-250 = Gmail memberikan paling banyak sekitar 250 pesan per sesi; popmail terus melanjutkan sampai semuanya masuk.
discovery-table-gmail-recent = Awalan nama pengguna “recent:” di Gmail (recent:anda@gmail.com) mengambil surel 30 hari terakhir, termasuk yang sudah diunduh di tempat lain.
discovery-table-microsoft-oauth = Microsoft hanya menerima masuk dengan OAuth2 untuk POP3 (Exchange Online sejak Oktober 2022, akun pribadi sejak September 2024): pilih “Masuk dengan Microsoft”.
discovery-table-microsoft-pop-on = Aktifkan POP di pengaturan Outlook > Mail > Forwarding and IMAP > POP options.
discovery-table-m365-oauth = Microsoft 365 hanya menerima masuk dengan OAuth2 untuk POP3: pilih “Masuk dengan Microsoft”; isi tenant organisasi jika “common” ditolak.
discovery-table-m365-admin = Administrator harus mengizinkan POP untuk kotak surat ini.
discovery-table-yahoo-app-password = Yahoo memerlukan kata sandi aplikasi: buat di https://login.yahoo.com/account/security/app-passwords lalu pakai sebagai pengganti kata sandi biasa.
discovery-table-aol-app-password = AOL memerlukan kata sandi aplikasi: buat di https://login.aol.com/account/security/app-passwords lalu pakai sebagai pengganti kata sandi biasa.
discovery-table-gmx-net-pop-on = GMX: aktifkan POP3 di pengaturan web (E-Mail > Settings > POP3 & IMAP) sebelum unduhan pertama.
discovery-table-gmx-com-pop-on = GMX: aktifkan POP3 di pengaturan web (Settings > POP3 & IMAP) sebelum unduhan pertama.
discovery-table-webde-pop-on = WEB.DE: aktifkan POP3 di pengaturan web (E-Mail > Einstellungen > POP3/IMAP Abruf) sebelum unduhan pertama.
discovery-table-fastmail-app-password = Fastmail memerlukan kata sandi aplikasi dengan akses POP: buat di Settings > Privacy & Security > Manage app passwords.
discovery-table-zoho-pop-on = Zoho: aktifkan akses POP di Mail settings > POP/IMAP Access; jika memakai masuk dua langkah, pakai kata sandi khusus aplikasi.
discovery-table-yandex-clients = Yandex: izinkan akses oleh program surel di Mail settings > Email clients, dan pakai kata sandi aplikasi.
discovery-table-mailru-password = Mail.ru memerlukan kata sandi untuk aplikasi eksternal: buat di Security > Passwords for external applications.
discovery-table-icloud-no-pop = iCloud Mail hanya menyediakan IMAP, bukan POP3, jadi popmail tidak dapat mengunduh darinya. Sebagai gantinya, teruskan surel iCloud ke akun POP3.
