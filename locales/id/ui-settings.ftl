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

