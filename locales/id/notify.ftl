# popmail — Bahasa Indonesia. Notifikasi desktop untuk surel baru (src/notify.rs).

# Judul notifikasi.
notify-new-in = { $count } pesan baru di { $account }
notify-new = { $count } pesan baru
# Baris terakhir isi notifikasi, setelah pengirim dan subjek pertama.
notify-and-more = dan { $count } lainnya
# Dalam "Pengirim: Subjek" untuk pesan tanpa subjek.
notify-no-subject = (tanpa subjek)
# Tombol notifikasi (jika desktop menampilkannya).
notify-open = Buka popmail
# Alasan layanan notifikasi tidak dipakai (Preferensi, popmail sync --notify).
notify-unavailable = tidak ada layanan notifikasi desktop yang menjawab ({ $error })
notify-closed = notifikasi ditutup
notify-stopped = layanan notifikasi popmail ditutup
