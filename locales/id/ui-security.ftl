# popmail — Bahasa Indonesia. Preferensi → Keamanan, layar kunci, dan
# konversi penyimpanan terenkripsi/tidak (src/ui/security.rs, src/ui/lock.rs,
# src/ui/app/security.rs, src/ui/app/locking.rs). Ikuti glosarium di common.ftl
# (Kunci / Buka kunci, Frasa sandi, Kata sandi).

## Preferensi → Keamanan.

# Di layar kunci: apa yang terjadi pada sinkronisasi saat terkunci.
security-sync-paused = Sinkronisasi dijeda selama penyimpanan surel terkunci (kuncinya sudah keluar dari memori); sinkronisasi berlanjut saat Anda membuka kunci.
security-sync-continues = Sinkronisasi tetap berjalan selama penyimpanan surel terkunci: kuncinya tetap di memori sampai Anda menutup popmail.
security-sync-not-started = Sinkronisasi dimulai saat Anda membuka kunci.
security-keep-syncing-help = Jika aktif, pesan baru tetap masuk selama jendela terkunci. Kuncinya tetap di memori selama terkunci, sehingga program yang berjalan atas nama Anda masih dapat membaca surel; jika nonaktif, mengunci akan menghapus kunci dari memori dan sinkronisasi menunggu.
# Tiga cara menyimpan surel, dan perlindungan masing-masing.
security-mode-plain = Tidak terenkripsi
security-mode-plain-protects = Hanya melindungi dari pengguna lain di komputer ini. Siapa pun yang menyalin disk atau cadangan dapat membaca surel.
security-mode-keychain = Terenkripsi, dibuka dengan keychain sistem
security-mode-keychain-protects = Melindungi dari disk yang disalin atau dicuri, cadangan, dan pengguna lain. Tidak ada yang perlu diketik, jadi tidak mencegah orang memakai sesi Anda yang sedang masuk.
security-mode-passphrase = Terenkripsi dengan frasa sandi
security-mode-passphrase-protects = Juga melindungi dari orang di depan komputer yang tidak tahu frasa sandi (Kunci, Ctrl+L, kunci saat diam). Tidak melindungi dari malware yang berjalan atas nama Anda selama penyimpanan tidak terkunci.
security-type-twice = ketik frasa sandi baru dua kali; tidak ada yang diubah
security-differ = kedua frasa sandi berbeda; tidak ada yang diubah
security-encrypting = Mengenkripsi penyimpanan surel…
security-decrypting = Mendekripsi penyimpanan surel…
# { $done } dan { $total } berupa ukuran.
security-progress = { $done } dari { $total }
security-new-file = Berkas baru ditulis di samping berkas lama, lalu ditukar.
security-cancelling = Membatalkan…
security-title = Keamanan
security-recovery = Kunci pemulihan. Kunci ini hanya ditampilkan sekarang: catat dan simpan terpisah dari komputer. Kunci ini membuka penyimpanan surel jika frasa sandi terlupa.
security-written-down = Sudah saya catat
# { $mode }: salah satu nama security-mode-*.
security-this-store = Penyimpanan surel ini: { $mode }
security-not-convertible = Buka penyimpanan surel Anda sendiri (bukan demo) untuk mengubah enkripsinya.
security-encrypt = Enkripsi penyimpanan surel
security-change-explain = Ganti frasa sandi (seketika: surel tidak ditulis ulang).
security-change = Ganti frasa sandi
security-use-keychain = Buka dengan keychain sistem saja
security-no-keychain = Keychain sistem tidak tersedia di sini.
security-use-passphrase-explain = Buka dengan frasa sandi, bukan keychain (seketika: surel tidak ditulis ulang). Anda akan mendapat kunci pemulihan.
security-use-passphrase = Pakai frasa sandi ini
security-confirm-decrypt = Simpan surel tanpa enkripsi di disk ini
security-decrypt = Dekripsi penyimpanan surel
security-idle-lock = Kunci setelah diam (menit, 0: tidak pernah)
# Nama kolom angka kunci-saat-diam untuk pembaca layar.
security-idle-lock-name = Menit kunci saat diam
security-keep-syncing = Tetap sinkronkan saat terkunci
security-new-passphrase = Frasa sandi baru
security-passphrase-again = Ulangi frasa sandi

## Layar kunci.

lock-title = Penyimpanan surel terkunci
lock-keychain = Penyimpanan surel ini dibuka dengan keychain sistem.
lock-recovery-key = Kunci pemulihan
lock-passphrase = Frasa sandi
lock-use-recovery = Pakai kunci pemulihan saja
lock-unlock = Buka kunci
lock-checking = Memeriksa…
# Alasan utas pembuka kunci berhenti (jarang tampil).
lock-attempt-over = percobaan membuka kunci sudah selesai
lock-cannot-check = tidak dapat memeriksa frasa sandi: { $error }
lock-keychain-refused = keychain sistem tidak memberikan kunci; apakah keychain sudah dibuka?

## Menjalankan Preferensi → Keamanan (src/ui/app/security.rs, locking.rs).

security-no-store = tidak ada penyimpanan surel yang terbuka
security-not-encrypted = penyimpanan surel tidak terenkripsi
security-changed = Frasa sandi sudah diganti.
security-now-keychain = Penyimpanan surel kini dibuka dengan keychain sistem; kunci pemulihan tetap berlaku.
security-now-passphrase = Penyimpanan surel kini meminta frasa sandi.
security-keychain-refused = kunci penyimpanan tidak dapat disimpan di keychain sistem ({ $error }); pilih frasa sandi saja
security-conversion-not-started = konversi tidak dapat dimulai: { $error }
security-conversion-stopped = konversi berhenti: { $reason }
security-key-file-not-removed = gagal menghapus berkas kunci: { $error }
security-encrypted = Penyimpanan surel sudah terenkripsi.
security-decrypted = Penyimpanan surel tidak lagi terenkripsi.
# { $what }: security-encrypted atau security-decrypted; { $note }: tentang penghapusan salinan lama.
security-converted = { $what } Catatan: { $note }.
# { $state } di security-conversion-cancelled dan -failed.
security-still-plain = tidak terenkripsi
security-still-encrypted = tetap terenkripsi
security-conversion-cancelled = Dibatalkan: penyimpanan surel tidak berubah ({ $state }).
security-conversion-failed = { $error }; penyimpanan surel tidak berubah ({ $state })
security-lock-needs-encryption = Kunci memerlukan penyimpanan surel terenkripsi: jalankan `popmail encrypt` dulu

