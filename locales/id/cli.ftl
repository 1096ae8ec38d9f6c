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
