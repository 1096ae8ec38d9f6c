# popmail — Bahasa Indonesia. Kata-kata baris perintah untuk orang (src/cli).
# Keluaran `--json` dan --help (komentar dokumentasi clap) tetap berbahasa Inggris.

## popmail folders: judul kolom tabel.

cli-folders-id = ID
cli-folders-name = FOLDER
cli-folders-messages = PESAN
cli-folders-unread = BELUM DIBACA

## popmail show: label kepala pesan, dirata setelah label terpanjang.

cli-show-from = Dari
cli-show-to = Kepada
cli-show-cc = Cc
cli-show-date = Tanggal
cli-show-subject = Subjek
# Pengganti kepala Date yang tidak ada.
cli-show-no-date = (tidak ada)
cli-show-attachment = Lampiran: { $name } ({ $mime }, { $size })
cli-show-html = (Pesan HTML ditampilkan sebagai teks; konten jarak jauh tidak pernah dimuat)
# Konteks galat saat stdout tidak bisa ditulisi.
cli-writing-stdout = menulis ke stdout

## Membuka penyimpanan (konteks galat).

cli-unlocking-store = membuka kunci penyimpanan surel di { $path }
cli-opening-store = membuka penyimpanan surel di { $path }

## Bilah kemajuan di stderr.

# After "12/40" in a progress bar (no plural: the count changes as it runs).
cli-progress-messages = pesan

## popmail import / export.

# Konteks galat: "mengimpor PATH: …".
cli-importing = mengimpor { $path }
cli-exporting = mengekspor ke { $path }
# Kemajuan selama indeks pencarian menyusul (ditulis oleh utasnya sendiri).
cli-indexing = mengindeks untuk pencarian: sisa { $left } pesan
cli-import-cancelled = impor dibatalkan setelah { $count } pesan; yang sudah diimpor tetap disimpan
cli-export-cancelled = ekspor dibatalkan; hasil ekspor yang belum selesai sudah dihapus
# Ringkasan impor; $secs dan $rate sudah berupa angka terformat.
cli-import-report = { $count } pesan diimpor ke "{ $folder }" ({ $folders } folder) dalam { $secs } dtk ({ $rate } pesan/dtk); { $duplicates } dilewati karena duplikat; { $kept } bagian rusak disimpan sebagai "{ $subject }"; { $skipped } bagian rusak dilewati.
cli-import-kept = disimpan: { $what }
cli-import-kept-line = { $path }: { $length } byte pada posisi { $offset } disimpan sebagai pesan rusak ({ $reason })
cli-import-more-kept = … dan { $count } lagi disimpan
cli-import-damaged = rusak: { $what }
cli-import-more-damaged = … dan { $count } lagi
cli-import-rules = Aturan: { $what }
cli-import-note = catatan: { $note }
cli-export-report = { $count } pesan ({ $folders } folder) dari "{ $folder }" diekspor ke { $path } dalam { $secs } dtk ({ $rate } pesan/dtk).

## Nama yang tidak ada.

cli-no-account = tidak ada akun bernama "{ $name }"
cli-no-folder = tidak ada folder bernama "{ $name }" (lihat `popmail folders`)
cli-env-not-set = variabel lingkungan { $var } belum diatur

## popmail account add | edit | remove | list.

cli-account-bad-policy = --policy harus delete, keep, atau keep-days:N dengan N ≥ 1 (didapat "{ $value }")
cli-account-unknown-security = jenis keamanan tidak dikenal
cli-account-unknown-auth = metode autentikasi tidak dikenal
cli-account-unknown-provider = penyedia OAuth tidak dikenal
cli-account-unknown-mechanism = mekanisme SASL tidak dikenal
cli-account-no-ca-file = berkas CA { $path } tidak ada
cli-account-plaintext = --security plain mengirim kata sandi tanpa enkripsi; tambahkan --i-understand-plaintext untuk mengizinkannya, atau pakai --security tls atau starttls
cli-account-oauth-needs-provider = --auth oauth2 memerlukan --oauth-provider
cli-account-oauth-options = opsi --oauth-… dan --client-… memerlukan --auth oauth2
# Prompt tanpa gema; diikuti spasi.
cli-account-password-prompt = Kata sandi untuk { $name }:
cli-account-reading-password = membaca kata sandi
cli-account-exists = akun bernama "{ $name }" sudah ada
cli-account-needs-host = akun memerlukan --host dan --user, atau --email untuk mencarinya
cli-account-no-password = tidak ada kata sandi: berikan --password-env VAR, atau jalankan di terminal agar ditanya
# $server berisi "host:port, tls".
cli-account-added = akun "{ $name }" ditambahkan ({ $server })
cli-account-added-oauth = akun "{ $name }" ditambahkan ({ $server }), masuk dengan { $provider }
cli-account-updated = akun "{ $name }" diperbarui
cli-account-removed-kept = akun "{ $name }" dihapus; { $count } pesannya ada di folder "{ $folder }"
cli-account-removed = akun "{ $name }" dan suratnya dihapus
# popmail account list: kebijakan akun di akhir barisnya.
cli-account-policy-delete = hapus setelah diunduh
cli-account-policy-keep = simpan salinan di server
cli-account-policy-keep-days = simpan di server { $days } hari
cli-account-disabled = [nonaktif]
cli-account-no-keychain = catatan: rantai kunci sistem tidak tersedia, jadi kata sandi disimpan di berkas penyimpanan popmail (hanya bisa dibaca oleh Anda)

## popmail account add NAMA --email ALAMAT: mencari pengaturan.

cli-discover-stopped = pencarian pengaturan berhenti: { $why }
cli-discover-no-answer = pencarian pengaturan berhenti tanpa jawaban
cli-discover-not-used = (tidak dipakai: { $why })
cli-discover-app-password = Kata sandi aplikasi (buat di { $link })
cli-discover-will-use = akan memakai: { $how }
cli-discover-needs-confirmation = akun tidak ditambahkan tanpa konfirmasi: jalankan di terminal, atau tambahkan --yes
# Pertanyaannya; "y", "yes", atau cli-discover-yes berarti ya.
cli-discover-confirm = Tambahkan akun dengan pengaturan ini? [y/T]
cli-discover-yes = ya
cli-discover-not-added = tidak ditambahkan

## Berkas (konteks galat).

cli-creating = membuat { $path }
cli-writing = menulis { $path }
cli-reading = membaca { $path }

## popmail package-files.

cli-package-man-page = membuat halaman man
# $shell berisi bash, zsh, atau fish.
cli-package-completions = menulis pelengkapan { $shell }

## popmail junk.

cli-junk-train-which = sebutkan folder sumber pembelajaran: --junk FOLDER dan/atau --good FOLDER
cli-junk-knows = Filter kini mengenal { $junk } pesan spam dan { $good } pesan baik.
cli-junk-provider-trusted = { $account }: penilaian spam dari penyedia dipercaya.
cli-junk-provider-ignored = { $account }: penilaian spam dari penyedia diabaikan.
cli-junk-reset = Filter spam telah melupakan semua pembelajarannya.
cli-junk-bad-days = "{ $value }" bukan jumlah hari (atau "off")
cli-junk-expire-off = Spam lama tetap di folder Spam (opsi ini mati; `popmail junk expire 30` menyalakannya).
# $moved berisi "3 pesan".
cli-junk-expire-on = Spam yang lebih lama dari { $days } hari dipindahkan ke Tempat Sampah; { $moved } dipindahkan sekarang.
# Di samping bilah kemajuan popmail junk train.
cli-junk-learning-junk = mempelajari spam dari { $folder }
cli-junk-learning-good = mempelajari pesan baik dari { $folder }
cli-junk-train-cancelled = dibatalkan; { $count } pesan sudah dipelajari dan tetap tersimpan
# $of berisi "15 pesan".
cli-junk-learned-junk = { $count } dari { $of } di { $folder } dipelajari sebagai spam.
cli-junk-learned-good = { $count } dari { $of } di { $folder } dipelajari sebagai pesan baik.
cli-junk-untrained = catatan: filter baru mempelajari { $junk } pesan spam dan { $good } pesan baik; filter memerlukan keduanya (`popmail junk mark` atau `popmail junk train`) sebelum dapat membedakannya

## Masuk OAuth 2.0 di baris perintah (stderr).

cli-login-one-mode = pilih salah satu: --browser atau --device
cli-login-device = Untuk masuk, buka { $url } dan masukkan kode { $code }
cli-login-device-wait = Menunggu Anda masuk (kode berlaku { $minutes } menit; Ctrl-C membatalkan)…
cli-login-browser-wait = Menunggu Anda masuk di peramban (Ctrl-C membatalkan)…
cli-login-browser-fallback = Jika peramban tidak terbuka, buka alamat ini: { $url }
# Alamatnya menyusul di baris berikutnya.
cli-login-browser-open = Buka alamat ini di peramban untuk masuk (Ctrl-C membatalkan):
cli-login-signing-in = masuk
cli-login-no-refresh-token = penyedia tidak memberikan token penyegaran, jadi popmail tidak dapat tetap masuk; pastikan cakupan (scope) meminta akses luring
cli-login-no-keychain = catatan: rantai kunci sistem tidak tersedia, jadi data masuk disimpan di berkas penyimpanan popmail (hanya bisa dibaca oleh Anda)
cli-login-not-oauth = "{ $name }" tidak masuk dengan OAuth 2.0; atur dengan `popmail account edit { $name } --auth oauth2 --oauth-provider …`
cli-login-done = "{ $name }" sudah masuk

## popmail rule.

cli-rule-removed = Aturan "{ $name }" dihapus.
cli-rule-imported = { $count } aturan diimpor dari { $path }.
cli-rule-exported = { $count } aturan diekspor ke { $path }.
cli-rule-not-found = tidak ada aturan bernama "{ $name }" (lihat `popmail rule list`)
cli-rule-added = Aturan "{ $name }" ditambahkan.
cli-rule-changed = Aturan "{ $name }" diubah.
cli-rule-none = Belum ada aturan. Tambahkan dengan `popmail rule add NAMA --if … --then …`.
# popmail rule list: nama aturan yang nonaktif.
cli-rule-disabled = { $name } (nonaktif)
# popmail rule list: judul aturan; syaratnya menyusul, satu per baris.
cli-rule-when-all = { $n }. { $name } — bila semua terpenuhi:
cli-rule-when-any = { $n }. { $name } — bila salah satu terpenuhi:

## popmail encrypt | decrypt | passphrase change | unlock | lock-status.

cli-removing = menghapus { $path }
# Konteks galat: "membaca POPMAIL_PASSPHRASE_FILE (/path)".
cli-security-reading-var = membaca { $var } ({ $path })
cli-security-no-passphrase = penyimpanan surel terenkripsi dan frasa sandi tidak diberikan: jalankan popmail di terminal, atau atur POPMAIL_PASSPHRASE_FILE (berkas berisi frasa sandi) atau POPMAIL_PASSPHRASE (terlihat oleh program lain milik pengguna ini)
# Prompt tanpa gema; masing-masing diikuti spasi.
cli-security-prompt = Frasa sandi penyimpanan surel:
cli-security-prompt-new = Frasa sandi baru:
cli-security-prompt-again = Ulangi frasa sandi:
cli-security-reading-passphrase = membaca frasa sandi
cli-security-new-needed = frasa sandi baru diperlukan: jalankan di terminal, atau atur POPMAIL_NEW_PASSPHRASE_FILE atau POPMAIL_NEW_PASSPHRASE
cli-security-differ = kedua frasa sandi berbeda; tidak ada yang diubah
cli-security-empty = frasa sandi baru kosong; tidak ada yang diubah
cli-security-keychain-silent = penyimpanan surel dibuka dengan rantai kunci sistem, yang tidak menjawab di sini
cli-security-no-keychain = kunci penyimpanan tidak dapat disimpan di rantai kunci; pakai --passphrase
# Kuncinya menyusul, menjorok, setelah satu baris kosong.
cli-security-recovery-key = Kunci pemulihan (hanya ditampilkan sekali; catat baik-baik, kunci ini membuka penyimpanan jika frasa sandi terlupa):
cli-security-encrypt-interrupted = terputus; penyimpanan surel tidak berubah (tidak terenkripsi)
cli-security-decrypt-interrupted = terputus; penyimpanan surel tidak berubah (tetap terenkripsi)
# $notice berisi jobs-erasure-notice.
cli-security-encrypted = Penyimpanan surel sudah dienkripsi. Catatan: { $notice }.
cli-security-decrypted = Penyimpanan surel tidak lagi terenkripsi. Catatan: { $notice }.
cli-security-already-keychain = penyimpanan surel sudah terenkripsi dan dibuka dengan rantai kunci sistem
cli-security-now-keychain = Penyimpanan surel sudah terenkripsi; sekarang dibuka dengan rantai kunci sistem (kunci pemulihan tetap berlaku).
cli-security-already-passphrase = penyimpanan surel sudah terenkripsi dengan frasa sandi; pakai `popmail passphrase change`
cli-security-now-passphrase = Penyimpanan surel sudah terenkripsi; sekarang meminta frasa sandi.
cli-security-not-encrypted = penyimpanan surel tidak terenkripsi
cli-security-not-encrypted-use = penyimpanan surel tidak terenkripsi; pakai `popmail encrypt`
cli-security-changed = Frasa sandi sudah diganti.
cli-security-recovered = Frasa sandi baru sudah diatur dengan kunci pemulihan.
# popmail lock-status: satu baris.
cli-security-status-plain = tidak terenkripsi
cli-security-status-encrypted = terenkripsi; dibuka dengan: { $kinds }
cli-security-kind-passphrase = frasa sandi
cli-security-kind-recovery = kunci pemulihan
cli-security-kind-keychain = rantai kunci sistem

## popmail sync (stderr, di atas bilah kemajuan).

cli-sync-no-account = tidak ada akun aktif untuk disinkronkan; tambahkan dengan `popmail account add`
cli-sync-cancelling = membatalkan…
# Di samping bilah kemajuan akun: "1,2 MB dari 3,4 MB".
cli-sync-bytes = { $done } dari { $total }
# Satu baris per akun di akhir; $size berisi "1,2 MB", $secs "3,4".
cli-sync-finished = { $account }: { $downloaded } diunduh ({ $partial } hanya kepala pesan), { $deleted } dihapus di server, { $skipped } sudah ada, { $size } dalam { $secs } dtk
# cli-sync-finished untuk sinkronisasi yang dibatalkan.
cli-sync-cancelled = { $line } (dibatalkan)
cli-sync-failed = { $account }: gagal: { $error }
cli-sync-worker-stopped = pekerja sinkronisasi berhenti: { $reason }
cli-sync-notifications = notifikasi: { $why }
cli-sync-notifications-silent = notifikasi: layanan notifikasi tidak menjawab tepat waktu

## popmail --help (src/cli/help.rs): judul-judul bagian clap, lalu satu pesan
## per perintah (cli-help-JALUR) dan per argumen (cli-help-JALUR--ID, atau
## cli-arg-ID untuk argumen yang sama di semua perintah). Halaman man dan
## pelengkapan shell tetap berbahasa Inggris.

cli-help-usage = Penggunaan
cli-help-commands = Perintah
cli-help-arguments = Argumen
cli-help-options = Opsi
cli-help-popmail = Pembaca surel luring untuk akun POP3
cli-help-folders = Tampilkan daftar folder beserta jumlah pesan dan yang belum dibaca
cli-help-list = Tampilkan pesan-pesan sebuah folder, yang terbaru lebih dulu
cli-help-show = Tampilkan sebuah pesan
cli-help-account = Tambah, ubah, hapus, atau tampilkan daftar akun POP3
cli-help-account-add = Tambahkan akun POP3. Dengan --email tanpa --host, popmail mencari sendiri pengaturan servernya dan bertanya dulu sebelum menambahkan
cli-help-account-edit = Ubah pengaturan akun (hanya opsi yang diberikan)
cli-help-account-remove = Hapus akun. Surelnya tetap disimpan di folder lokal kecuali dengan --delete-mail
cli-help-account-login = Masukkan lagi akun OAuth 2.0 (kode perangkat dan URL di stderr)
cli-help-account-list = Tampilkan daftar akun
cli-help-help = Tampilkan pesan ini atau bantuan subperintah yang disebut
cli-help-sync = Unduh surel baru dari semua akun yang aktif (atau satu akun)
cli-help-rule = Aturan pesan: tambah, ubah, hapus, daftar, jalankan pada folder, impor, ekspor
cli-help-rule-add = Tambahkan aturan (di akhir, atau di --position)
cli-help-rule-edit = Ubah aturan: opsi yang diberikan menggantikan isi aturan sebelumnya
cli-help-rule-remove = Hapus aturan
cli-help-rule-list = Tampilkan daftar aturan sesuai urutan dijalankan
cli-help-rule-run = Jalankan aturan pada pesan-pesan sebuah folder
cli-help-rule-import = Tambahkan aturan dari berkas aturan JSON (setelah aturan yang sudah ada)
cli-help-rule-export = Tulis semua aturan ke berkas aturan JSON (atau skrip Sieve)
cli-help-junk = Filter spam: tandai, latih, klasifikasikan, atur ulang
cli-help-junk-mark = Tandai pesan sebagai spam (atau, dengan --not, bukan spam) dan latih filternya
cli-help-junk-train = Latih filter dari seluruh isi folder
cli-help-junk-classify = Tampilkan putusan dan skor setiap pesan; tidak ada yang dipindahkan
cli-help-junk-reset = Lupakan semua pelatihan (pengirim yang ditandai bukan spam tetap aman)
cli-help-junk-expire = Pindahkan spam yang lebih tua dari sekian hari ke Tempat Sampah (mati secara bawaan; spam tidak pernah dihapus hanya karena spam). Dengan DAYS (atau "off") opsinya diatur dulu; jendela menerapkannya setiap selesai sinkronisasi, perintah ini menerapkannya sekarang
cli-help-junk-trust-provider = Apakah putusan spam dari penyedia akun (X-Spam-Flag, X-Spam-Status, *****SPAM*****) memasukkan surel ke Spam; tanpa nilai, tampilkan pengaturannya sekarang
cli-help-import = Impor berkas mbox, Maildir, atau berkas .eml ke folder lokal
cli-help-export = Ekspor folder ke mbox, Maildir, atau direktori berisi berkas .eml
cli-help-search = Pencarian teks penuh pada subjek, orang, dan isi pesan
cli-help-encrypt = Enkripsi penyimpanan surel (SQLCipher); memakai frasa sandi secara bawaan
cli-help-decrypt = Matikan enkripsi: penyimpanan kembali menjadi berkas biasa tanpa enkripsi
cli-help-passphrase = Ganti frasa sandi penyimpanan terenkripsi (seketika: surel tidak ditulis ulang)
cli-help-passphrase-change = Tetapkan frasa sandi baru (frasa sandi yang sekarang ditanyakan dulu)
cli-help-lock-status = Tampilkan apakah penyimpanan terenkripsi dan apa yang membukanya
cli-help-unlock = Tetapkan frasa sandi baru dengan kunci pemulihan
cli-help-package-files = Tulis halaman man serta pelengkapan bash, zsh, dan fish ke DIR (untuk pembuat paket)
cli-arg-data-dir = Folder tempat penyimpanan surel (bawaan: folder data platform)
cli-arg-help = Tampilkan bantuan
cli-arg-version = Tampilkan versi
cli-arg-host = Nama host server
cli-arg-port = Port server (bawaan: 995 untuk tls, 110 untuk lainnya)
cli-arg-security = Keamanan koneksi
cli-arg-i-understand-plaintext = Izinkan kata sandi dikirim tanpa enkripsi (hanya dengan --security plain)
cli-arg-user = Nama pengguna untuk masuk
cli-arg-password-env = Baca kata sandi dari variabel lingkungan ini (jika tidak, akan ditanyakan)
cli-arg-auth = Metode autentikasi
cli-arg-oauth-provider = Penyedia identitas OAuth 2.0 (dengan --auth oauth2)
cli-arg-client-id = ID klien yang terdaftar pada penyedia (jika tidak, POPMAIL_<PROVIDER>_CLIENT_ID)
cli-arg-client-secret-env = Variabel lingkungan yang memuat rahasia klien, jika penyedia memerlukannya
cli-arg-oauth-tenant = Tenant Microsoft (bawaan: common)
cli-arg-oauth-authorize-url = Endpoint otorisasi (penyedia khusus; https://, atau http:// di loopback)
cli-arg-oauth-token-url = Endpoint token (penyedia khusus)
cli-arg-oauth-device-url = Endpoint otorisasi perangkat (penyedia khusus, opsional)
cli-arg-oauth-scope = Cakupan (scope) yang diminta (penyedia khusus)
cli-arg-oauth-mechanism = Mekanisme SASL yang membawa token
cli-arg-ca-file = Sertifikat CA tambahan yang dipercaya (PEM)
cli-arg-pin = Terima sertifikat server dengan sidik jari SHA-256 ini
cli-arg-policy = delete | keep | keep-days:N
cli-arg-delete-when-deleted-here = Hapus dari server yang dihapus di sini (`--delete-when-deleted-here=false` mematikannya)
cli-arg-max-size = Unduh hanya kepala pesan untuk pesan yang lebih besar dari ini (KB)
cli-arg-interval = Periksa setiap N menit
cli-arg-email = Alamat surel akun
cli-arg-quiet = Tanpa bilah kemajuan
cli-arg-json = Cetak baris JSON, bukan tabel
cli-arg-folder = Nama folder, AKUN/NAMA, atau ID
cli-arg-name = Nama akun
cli-arg-browser = Masuk lewat peramban sistem (dengan --auth oauth2)
cli-arg-device = Masuk dengan kode di perangkat lain (dengan --auth oauth2)
cli-help-popmail--demo = Buka demo: server dan kotak surat demo lokal, terpisah dari surel sendiri
cli-help-popmail--files = Surel yang dibuka: satu pesan (berkas .eml) dibuka di jendela penampil tersendiri tanpa diimpor; berkas mbox atau folder Maildir membuka dialog impor dengan berkas itu terpilih (jendela yang sedang berjalan mengambil alih)
cli-help-popmail--import = Buka FILE… di dialog impor, meskipun hanya satu pesan
cli-help-folders--json = Cetak JSON, bukan tabel
cli-help-account-list--json = Cetak JSON
cli-help-rule-list--json = Cetak JSON berkas aturan, bukan tabel
cli-help-import--folder = Masukkan surel ke folder ini (nama, AKUN/NAMA, atau ID), bukan ke folder baru yang dinamai menurut PATH
cli-help-export--folder = Folder yang diekspor (nama, AKUN/NAMA, atau ID)
cli-help-search--folder = Cari hanya di folder ini
cli-help-list--limit = Paling banyak sejumlah ini pesan
cli-help-search--limit = Paling banyak sejumlah ini hasil
cli-help-show--id = ID pesan (dari `list` atau `search`)
cli-help-show--raw = Tulis bita tersimpan ke stdout persis seperti saat diterima
cli-help-account-add--name = Nama untuk akun ini (tidak boleh sama dengan akun lain)
cli-help-rule-add--name = Nama untuk aturan ini (tidak boleh sama dengan aturan lain)
cli-help-rule-edit--name = Nama aturan
cli-help-rule-remove--name = Nama aturan
cli-help-account-login--browser = Masuk lewat peramban sistem
cli-help-account-login--device = Masuk dengan kode di perangkat lain (jika penyedia mengizinkan)
cli-help-account-add--yes = Terima pengaturan yang ditemukan dari --email tanpa bertanya
cli-help-account-edit--rename = Nama baru
cli-help-rule-edit--rename = Nama baru
cli-help-account-edit--enabled = Matikan akun (tanpa sinkronisasi) atau nyalakan lagi
cli-help-account-remove--delete-mail = Hapus juga surel akun yang sudah diunduh
cli-help-sync--account = Hanya akun ini
cli-help-junk-trust-provider--account = Nama akun
cli-help-sync--dry-run = Hanya katakan apa yang akan dihapus sinkronisasi berikutnya di server
cli-help-rule-run--dry-run = Hanya katakan apa yang akan terjadi
cli-help-sync--notify = Tampilkan notifikasi desktop untuk setiap akun yang mendapat surel baru (jumlahnya; tidak untuk surel yang masuk ke Spam atau Tempat Sampah)
cli-help-sync--notify-details = Dengan --notify: tampilkan juga pengirim dan subjek pertama
cli-help-rule-add--conditions = Sebuah syarat, `FIELD MATCHER VALUE` (ulangi untuk syarat lain)
cli-help-rule-edit--conditions = Syarat baru (menggantikan semuanya)
cli-help-rule-add--actions = Sebuah tindakan (ulangi untuk tindakan lain; dijalankan berurutan)
cli-help-rule-edit--actions = Tindakan baru (menggantikan semuanya)
cli-help-rule-add--any = Cocok jika salah satu syarat cocok (bawaan: semua harus cocok)
cli-help-rule-edit--any = Cocok jika salah satu syarat cocok
cli-help-rule-add--disabled = Simpan dalam keadaan nonaktif
cli-help-rule-add--position = Urutan dijalankan: 1 berarti pertama (bawaan: terakhir)
cli-help-rule-edit--position = Pindahkan urutannya: 1 berarti pertama
cli-help-rule-edit--all = Cocok hanya jika semua syarat cocok
cli-help-rule-edit--enable = Aktifkan
cli-help-rule-edit--disable = Nonaktifkan (tetap disimpan tetapi tidak pernah dijalankan)
cli-help-import--quiet = Jangan tampilkan bilah kemajuan
cli-help-export--quiet = Jangan tampilkan bilah kemajuan
cli-help-rule-import--file = Berkasnya (`popmail rule export` menulis berkas seperti itu)
cli-help-rule-export--file = Berkas yang ditulis
cli-help-rule-import--replace = Ganti aturan yang sudah ada, bukan menambahkannya
cli-help-rule-export--sieve = Tulis skrip Sieve (RFC 5228) untuk server yang memfilter; yang tidak bisa dinyatakan Sieve ditinggalkan sebagai komentar
cli-help-junk-mark--ids = ID pesan (dari `list` atau `search`)
cli-help-junk-mark--not = Bukan spam: pengirimnya menjadi aman dan pesannya keluar dari Spam
cli-help-junk-train--junk = Folder berisi spam
cli-help-junk-train--good = Folder berisi surel yang baik
cli-help-junk-expire--days = Jumlah hari, atau "off"
cli-help-junk-trust-provider--trust = yes atau no
cli-help-import--path = Berkas mbox, Maildir, berkas .eml, atau direktori berisi semua itu (termasuk "Local Folders" Thunderbird)
cli-help-export--path = Berkas (mbox) atau direktori (maildir, eml) yang dibuat
cli-help-import--format = Format PATH
cli-help-export--format = Format yang ditulis
cli-help-import--rules = Jalankan aturan pesan pada surel yang diimpor (seolah-olah baru tiba)
cli-help-export--subfolders = Ekspor juga folder-folder di bawah FOLDER
cli-help-export--force = Timpa berkas mbox yang sudah ada, atau tulis ke direktori yang sudah ada
cli-help-search--query = Kata yang dicari (semua harus cocok; kata terakhir boleh awalan saja)
cli-help-encrypt--keychain = Buka dengan kunci yang disimpan di rantai kunci sistem (tanpa mengetik apa pun)
cli-help-encrypt--passphrase = Buka dengan frasa sandi (bawaan), ditambah kunci pemulihan yang ditampilkan sekali
cli-help-unlock--recovery-key-env = Variabel lingkungan yang memuat kunci pemulihan
cli-help-package-files--dir = Tempat menulisnya (dibuat jika belum ada)
