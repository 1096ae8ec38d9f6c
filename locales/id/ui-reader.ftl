# popmail — Bahasa Indonesia. Panel baca: header, pemberitahuan, lampiran,
# tautan, gambar, dan jendela pratinjau (src/ui/reader.rs, src/ui/reader/).

reader-select-message = Pilih pesan untuk membacanya.
reader-cannot-show = Pesan ini tidak dapat ditampilkan: { $error }
reader-opening = Membuka…

## Header dan tombol di bawahnya.

reader-header-from = Dari
reader-header-to = Kepada
reader-header-cc = Cc
reader-header-date = Tanggal
# Header Date tidak dapat dibaca.
reader-no-date = (tanpa tanggal)
reader-show-all-headers = Semua header
reader-view-source = Lihat sumber
reader-show-html = Tampilkan HTML
reader-show-plain = Tampilkan teks biasa
reader-all-headers = Semua header
reader-mark-unread = Belum dibaca
reader-mark-read = Sudah dibaca
reader-unstar = Hapus bintang
reader-star = Bintangi

## Pemberitahuan di atas pesan.

reader-headers-only = Hanya header pesan ini yang diunduh (ukurannya melebihi batas ukuran akun).
reader-download-full = Unduh pesan lengkap
reader-sync-unavailable = Sinkronisasi tidak tersedia
reader-remote-images-blocked = { $count ->
   *[other] { $count } gambar jarak jauh
} tidak dimuat. Konten jarak jauh (gambar, pelacak) tidak pernah dimuat.
reader-html-as-text = Pesan ini ditulis dalam HTML dan ditampilkan sebagai teks. Konten jarak jauh (gambar, pelacak) tidak pernah dimuat.
# Keterangan tombol OK di bawah pemberitahuan fon yang tidak ada.
reader-fonts-dismiss-hint = Jangan tampilkan lagi sampai popmail dimulai ulang
reader-truncated = Pesan ini terlalu besar atau bersarang terlalu dalam untuk ditampilkan utuh; gunakan Lihat sumber untuk sisanya.
reader-show-everything = Pesan ini panjang; tampilkan semuanya
reader-text-cut = Teks dipotong pada { $size }; gunakan Lihat sumber untuk sisanya.
reader-show-quoted = Tampilkan kutipan ({ $levels } tingkat)
reader-hide-quoted = Sembunyikan kutipan

## Lampiran.

reader-attachments = { $count ->
   *[other] { $count } lampiran
}
reader-save-all = Simpan semua…
reader-open = Buka
reader-open-hint = Buka { $name } dengan aplikasi sistem
reader-preview = Pratinjau
reader-preview-hint = Tampilkan { $name } di sini
reader-save = Simpan…
reader-save-hint = Simpan { $name }
reader-dangerous-open = “{ $name }” adalah program, skrip, atau dokumen makro. Membukanya dapat membahayakan komputer Anda. Buka hanya jika Anda memercayai pengirimnya dan memang menunggu berkas ini.
reader-open-anyway = Tetap buka
reader-open-cannot-start = berkas tidak dapat mulai dibuka: { $error }
reader-open-no-worker = berkas tidak dapat mulai dibuka
reader-opening-file = Membuka { $name }…
reader-opened-file = { $name } dibuka (salinan pribadi, dihapus saat popmail ditutup)
reader-open-not-opened = berkas tidak dibuka: { $reason }

## Tautan dan gambar dalam pesan.

reader-links = Tautan dalam pesan ini ({ $count })
reader-link-hint = Tanyakan dulu sebelum membuka di peramban
# Keterangan tautan, di bawah alamatnya.
reader-link-click-hint = Klik untuk membukanya di peramban (Anda akan ditanya dulu).
reader-link-open-hint = Klik untuk membukanya (Anda akan ditanya dulu).
reader-image-link-hint = Klik untuk membukanya (Anda akan ditanya dulu); klik kanan untuk melihat gambar dalam ukuran penuh.
reader-image-hint = Klik untuk melihat dalam ukuran penuh
reader-view-full-size = Lihat ukuran penuh
reader-remote-image = gambar jarak jauh tidak dimuat
reader-image-loading = memuat gambar…
# Gambar tanpa keterangan.
reader-image-placeholder = gambar
# Judul jendela gambar ukuran penuh bila gambar tidak berketerangan.
reader-image = Gambar
reader-images-unavailable = gambar tidak dapat diproses saat ini

## Jendela pratinjau.

reader-preview-preparing = Menyiapkan pratinjau…
reader-preview-failed = Tidak dapat ditampilkan: { $reason }
reader-preview-pixels = { $width } × { $height } piksel
reader-preview-alt = gambar dalam ukuran penuh
reader-preview-cut = Hanya bagian awal yang ditampilkan; simpan berkasnya untuk membaca semuanya.
reader-preview-unavailable = pratinjau tidak dapat dibuat saat ini
