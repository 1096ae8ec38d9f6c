# popmail — Bahasa Indonesia. Kata-kata pekerjaan latar untuk orang (src/jobs):
# ringkasan impor, ekspor, aturan, dan penandaan spam, yang ditampilkan oleh
# jendela dan baris perintah.

## Mengenkripsi atau mendekripsi penyimpanan: disampaikan setelah berkas lama diganti.

jobs-erasure-notice = berkas lama sudah dihapus, tetapi sistem berkas tidak dapat menjamin bloknya benar-benar terhapus: salinannya mungkin masih ada di disk, di snapshot, atau di cadangan yang dibuat sebelumnya
