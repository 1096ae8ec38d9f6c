# popmail — Bahasa Indonesia. Kata-kata pekerjaan latar untuk orang (src/jobs):
# ringkasan impor, ekspor, aturan, dan penandaan spam, yang ditampilkan oleh
# jendela dan baris perintah.

## Mengenkripsi atau mendekripsi penyimpanan: disampaikan setelah berkas lama diganti.

jobs-erasure-notice = berkas lama sudah dihapus, tetapi sistem berkas tidak dapat menjamin bloknya benar-benar terhapus: salinannya mungkin masih ada di disk, di snapshot, atau di cadangan yang dibuat sebelumnya

## Ekspor.

jobs-export-choose-format = pilih format ekspor: mboxrd, mboxo, maildir, atau eml
jobs-no-folder-id = tidak ada folder dengan id { $id }

## Impor: catatan di bawah ringkasan.

jobs-import-rules-not-run = aturan tidak dijalankan: { $error }
jobs-import-rules-stopped = aturan berhenti: { $error }
jobs-import-index-not-waited = berhenti menunggu indeks pencarian: surat yang diimpor sudah tersimpan, dan akan bisa dicari di latar belakang
# $variant berisi Mboxo atau Mboxcl2 (dialek mbox).
jobs-import-read-as = { $path }: dibaca sebagai { $variant }
jobs-import-mbox-suspicious = { $path }: { $lines } baris isi yang diawali "From " tidak dikutip dan disimpan sebagai teks; { $separators } pemisah pesan tidak didahului baris kosong (posisi byte: { $offsets })

## Penandaan spam (tombol Spam / Bukan spam di jendela dan popmail junk mark).

# $marked berisi "3 pesan".
jobs-junk-marked = { $marked } ditandai sebagai spam; filter belajar dari { $learned }.
jobs-junk-marked-not = { $marked } ditandai sebagai bukan spam; filter belajar dari { $learned }.
jobs-junk-no-message = tidak ada pesan dengan id { $id } (tidak ada yang ditandai)

## Aturan yang dijalankan pada folder; $examined berisi "3 pesan".

jobs-rules-dry-run = { $matched } dari { $examined } cocok; tidak ada yang diubah (uji coba).
jobs-rules-done = { $matched } dari { $examined } cocok; { $moved } dipindahkan, { $flagged } diubah tandanya.
# $what berisi jobs-rules-done.
jobs-rules-cancelled = Dibatalkan setelah { $done } dari { $total }: { $what } Yang sudah diterapkan tetap berlaku.
jobs-rules-no-match = tidak ada aturan yang cocok; tidak ada yang akan berubah
jobs-rules-none-enabled = tidak ada aturan aktif untuk dijalankan (tambahkan di Pengaturan → Aturan atau dengan `popmail rule add`)

## Yang akan dilakukan aturan pada pesan, digabung dengan ", ".

jobs-rules-move-to = pindahkan ke "{ $folder }"
jobs-rules-move-trash = pindahkan ke Tempat Sampah
jobs-rules-move-junk = pindahkan ke Spam
jobs-rules-mark-read = tandai sudah dibaca
jobs-rules-star = beri bintang
jobs-rules-never-junk = selalu bukan spam
jobs-rules-server-later = (tindakan di server hanya berlaku saat surel tiba)
jobs-rules-nothing = tidak ada yang diubah

## Alasan pekerja latar berhenti.

jobs-worker-shut-down = dimatikan
