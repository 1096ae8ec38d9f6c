# popmail — Bahasa Indonesia. Yang disampaikan sinkronisasi kepada orang
# (src/sync): laporan uji coba dan pemberitahuan setelah sinkronisasi, yang
# ditampilkan oleh jendela dan baris perintah.

## Uji coba: yang akan dihapus sinkronisasi berikutnya di server.

sync-dry-nothing = Sinkronisasi berikutnya tidak akan menghapus apa pun dari server (saat ini ada { $on_server } pesan di sana).
# $when berisi sync-dry-received-on, sync-dry-received-between, atau kosong; $size berisi "1,2 MB".
sync-dry-delete = Sinkronisasi berikutnya akan menghapus { $count } pesan ({ $size }) dari server{ $when }. Saat ini ada { $on_server } pesan di sana.
sync-dry-received-on = , yang diterima pada { $date }
sync-dry-received-between = , yang diterima antara { $from } dan { $to }
# Kalimat kedua setelah laporan.
sync-dry-download = Sebelumnya akan diunduh { $count } pesan baru.

## Pemberitahuan setelah sinkronisasi (status jendela dan popmail sync).

sync-notice-no-top = Server tidak bisa mengirim kepala pesan saja (tidak punya perintah TOP), jadi { $count } pesan di atas batas ukuran diunduh lengkap.
# $limit berisi "256 MB".
sync-notice-too-large = Server tidak bisa mengirim kepala pesan saja (tidak punya perintah TOP), dan { $count } pesan lebih besar dari batas yang diterima popmail ({ $limit }), jadi pesan itu tetap di server tanpa diubah.
sync-notice-duplicate-uidl = Server memberi ID unik (UIDL) yang sama untuk lebih dari satu pesan, padahal seharusnya tidak (ID itu mungkin berasal dari kepala X-UIDL palsu). popmail membedakannya lewat kepala pesan dan mengunduh { $count } pesan di antaranya.

## Alasan unduhan berhenti (di dalam pesan galat).

sync-writer-stopped = penulis penyimpanan berhenti tiba-tiba
sync-download-stopped = unduhan berhenti
sync-unasked-message = server mengirim pesan { $msg }, padahal tidak diminta

## src/sync/error.rs, Error::user_message: alasan sinkronisasi gagal, untuk orang.

sync-say-store = Penyimpanan surel lokal gagal: { $error }. Tidak ada yang dihapus di server.
sync-say-credentials = Kata sandi tidak dapat dibaca: { $error }.
sync-say-no-password = Belum ada kata sandi tersimpan untuk "{ $account }". Buka Pengaturan → Akun lalu masukkan kata sandinya.
sync-say-oauth = Sesi masuk tidak dapat diperbarui: { $error }.
sync-say-sign-in = Masuk lagi: "{ $account }" tidak lagi dalam keadaan masuk. Jalankan `popmail account login { $account }`.
sync-say-thread = popmail tidak dapat memulai utas sinkronisasi: { $error }.
sync-say-rules = Aturan pesan tidak dapat dijalankan: { $error }. Perbaiki aturannya (`popmail rule list`); tidak ada yang diunduh atau dihapus.

## src/sync/ops.rs: langkah-langkah "Uji koneksi" (Pengaturan → Akun) dan
## hasil tiap langkah.

sync-step-start = Mulai
sync-step-sign-in = Masuk
sync-step-resolve = Cari alamat
sync-step-connect = Hubungkan
sync-step-tls = TLS
sync-step-greeting = Sapaan
sync-step-capabilities = Kemampuan
sync-step-login = Masuk ke server
sync-step-mailbox = Kotak surat
# $addresses: "192.0.2.1, 2001:db8::1"
sync-step-resolved = { $host } beralamat di { $addresses }
sync-step-connected = terhubung ke { $addr }
# $upgraded berisi "yes" untuk STARTTLS, "no" untuk TLS sejak bita pertama.
sync-step-tls-up = { $upgraded ->
        [yes] peningkatan STARTTLS
       *[other] TLS
    } — sertifikat { $subject } diterbitkan oleh { $issuer }, berlaku sampai { $until }
sync-step-signed-in = masuk sebagai { $user }
# $messages: "3 pesan"; $size: "1,2 MB"
sync-step-on-server = { $messages } ({ $size }) di server
sync-hint-port-110 = Port 110 biasanya dimulai tanpa enkripsi: pilih STARTTLS untuk port 110, atau pakai port 995 dengan TLS.
sync-hint-port-995 = Port 995 mengharapkan TLS sejak bita pertama: pilih TLS untuk port 995, atau pakai port 110 dengan STARTTLS.

## Yang ditawarkan server (CAPA, RFC 2449), bagian-bagiannya digabung dengan "; ".

sync-caps-none = server tidak mencantumkan kemampuannya (tanpa CAPA); popmail akan memakai USER/PASS atau APOP
sync-caps-no-sign-in = metode masuk: tidak ada yang dicantumkan
sync-caps-sign-in = metode masuk: { $methods }
sync-caps-uidl = ID unik (UIDL)
sync-caps-no-uidl = tanpa ID unik (UIDL)
sync-caps-top = kepala pesan saja (TOP)
sync-caps-pipelining = pipelining
sync-caps-login-delay = paling sering satu pemeriksaan setiap { $seconds } dtk
sync-caps-expire-never = menyimpan surel sampai dihapus
sync-caps-expire-now = menghapus surel begitu diunduh
sync-caps-expire-days = menghapus surel yang sudah diunduh setelah { $days } hari
sync-caps-server = server: { $name }

## Mengunduh utuh pesan yang baru diunduh kepalanya saja.

sync-full-not-from-account = pesan ini tidak diunduh dari sebuah akun
sync-full-gone = server tidak lagi menyimpan pesan ini, jadi hanya kepala pesannya yang bisa ditampilkan

## src/sync/worker.rs: alasan pekerja sinkronisasi berhenti (peristiwa terakhirnya).

sync-worker-failed = pekerja sinkronisasi berhenti: { $error }
sync-worker-shut-down = dihentikan sesuai permintaan
sync-worker-window-closed = jendela ditutup
sync-worker-stuck = { $reason }; { $stuck } akun masih menunggu servernya (tidak ada yang hilang: sinkronisasinya dilanjutkan lain kali)
