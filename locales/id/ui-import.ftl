# popmail — Bahasa Indonesia. Impor dan ekspor dari jendela (src/ui/import_export).
# Ikuti glosarium di common.ftl (Impor / Ekspor, Folder, Pesan).

## Dialog impor dan ekspor.

import-format-auto = Deteksi otomatis
import-format-mbox = mbox (deteksi variannya)
import-format-eml = Berkas EML
import-format-mboxrd-hint = Satu berkas; baris yang diawali "From " dikutip secara reversibel. Disarankan.
import-format-mboxo-hint = Satu berkas, kutipan klasik untuk program lama (baris yang sudah diawali ">From " tidak dapat dibedakan).
import-format-maildir-hint = Satu direktori dengan satu berkas per pesan; tanda disimpan di nama berkas.
import-format-eml-hint = Satu direktori dengan satu berkas .eml per pesan.
import-busy = Impor atau ekspor sedang berjalan; mulai yang ini setelah selesai.
import-title = Impor surel
import-explain = Baca surel dari berkas mbox, Maildir, berkas .eml, atau Local Folders Thunderbird. Pesan yang sudah ada di folder tujuan dilewati.
import-file = Impor berkas…
import-file-hint = Berkas mbox atau satu pesan .eml
import-folder = Impor folder…
import-folder-hint = Maildir, direktori berisi berkas .eml, atau Local Folders Thunderbird
import-nothing-chosen = Belum ada yang dipilih. Anda juga dapat menjatuhkan berkas atau folder ke jendela.
import-format = Format
# Tujuan surel yang diimpor.
import-into = Ke
# Tombol untuk memulai impor.
import-start = Impor
# { $name }: nama folder, dari nama berkas.
import-new-folder-named = Folder baru “{ $name }”
import-new-folder = Folder baru dengan nama yang sama
import-new-folder-hint = Subfolder dibuat di dalamnya; folder dengan nama itu dipakai ulang
import-existing-folder = Folder yang sudah ada
import-choose-folder = Pilih folder
import-run-rules = Jalankan aturan pesan pada surel yang diimpor
import-run-rules-hint = Seolah-olah baru tiba: Pengaturan → Aturan
import-export-title = Ekspor surel
# Yang diekspor: pesan terpilih atau sebuah folder.
import-export-what = Apa
# Tujuan ekspor.
import-export-to = Ke
import-export-not-chosen = Belum dipilih
import-export-choose-file = Pilih berkas…
import-export-choose-dir = Pilih direktori…
# Tombol untuk memulai ekspor.
import-export-start = Ekspor
# { $messages }: "3 pesan".
import-export-selected = { $messages } terpilih
import-export-subfolders = Sertakan subfolder
import-overwrite-file-title = Ganti berkas yang ada?
import-overwrite-dir-title = Ekspor ke direktori yang sudah ada?
import-overwrite-exists = Ini sudah ada:
import-overwrite-file = Isinya akan diganti dengan hasil ekspor.
import-overwrite-dir = Pesan yang diekspor akan ditambahkan ke isinya.
import-overwrite-replace = Ganti
import-overwrite-into = Ekspor ke sana
import-overwrite-back = Kembali

## Kemajuan impor atau ekspor (bilah di atas bilah status) dan ringkasannya.

# { $name }: nama berkas.
# Setelah pesan tersimpan, impor menunggu indeks pencarian.
import-progress-indexing = Mengimpor { $name }: mengindeks untuk pencarian, sisa { $left } pesan
import-progress-starting = Mengimpor { $name }: memulai…
# { $done } dan { $total } berupa ukuran ("1,5 MB"); { $rate } ukuran per detik.
import-progress = { $count ->
   *[other] Mengimpor { $name }: { $count } pesan, { $done } dari { $total } ({ $rate }/dtk)
}
# { $name }: nama folder atau import-export-progress-selected.
import-export-progress = { $count ->
   *[other] Mengekspor { $name }: { $done } dari { $count } pesan, { $size } ({ $rate }/dtk)
}
import-export-progress-selected = pesan terpilih
import-cancel-import = Batalkan impor
import-cancel-export = Batalkan ekspor
import-cancelling = Membatalkan…
import-cancel-hint = Berhenti dengan rapi: yang sudah diimpor tetap ada; ekspor yang belum selesai dihapus
# Tampil di atas jendela saat berkas diseret ke atasnya.
import-drop-busy = Lepaskan untuk mengimpor (setelah tugas yang berjalan)
import-drop = Lepaskan untuk mengimpor kotak surat ini
# Judul jendela ringkasan.
import-title-cancelled = Impor dibatalkan
import-title-finished = Impor selesai
import-title-failed = Impor gagal
import-export-title-finished = Ekspor selesai
import-export-title-cancelled = Ekspor dibatalkan
import-export-title-failed = Ekspor gagal
import-cancelled = { $count ->
   *[other] Impor dibatalkan. { $count } pesan yang sudah diimpor tetap ada di “{ $folder }”; mengimpor berkas yang sama lagi hanya menambahkan sisanya.
}
import-imported = { $count ->
   *[other] { $count } pesan diimpor ke “{ $folder }”.
}
# { $seconds } dengan satu desimal; { $rate } bilangan bulat.
import-read = { $folders ->
   *[other] Membaca { $folders } folder dari { $path }: { $size } dalam { $seconds } dtk ({ $rate } pesan/dtk).
}
import-duplicates = { $count } dilewati karena duplikat (sudah ada di folder).
# { $subject }: subjek untuk pesan rusak yang disimpan.
import-kept-damaged = { $count ->
   *[other] { $count } bagian rusak disimpan sebagai “{ $subject }” (disimpan apa adanya, ditandai rusak).
}
import-damaged-skipped = { $count ->
   *[other] { $count } bagian rusak dilewati.
}
# { $outcome }: apa yang dilakukan aturan.
import-rules = Aturan: { $outcome }
import-exported = { $count ->
   *[other] { $count } pesan diekspor ke { $path }.
}
import-exported-from = { $count ->
   *[other] { $count } pesan dari { $folder } diekspor ke { $path }.
}
import-exported-stats = { $folders ->
   *[other] { $folders } folder, { $size } dalam { $seconds } dtk.
}
# Diikuti daftar berkas yang ditulis.
import-written = Ditulis:
import-export-cancelled = Ekspor dibatalkan. Yang sudah ditulis telah dihapus; surel di popmail tidak berubah.
import-export-failed-explain = Yang sudah ditulis oleh ekspor telah dihapus; surel di popmail tidak berubah.
import-failed-explain = Pesan yang diimpor sebelum masalah tetap ada dan tidak ada yang setengah tertulis; berkas yang Anda impor tidak pernah diubah.
import-kept-damaged-title = Disimpan sebagai pesan rusak
# { $offset }: posisi byte di berkas; { $reason }: alasan bagian itu rusak.
import-region-kept = { $count ->
   *[other] { $file } pada byte { $offset }: { $count } byte disimpan ({ $reason })
}
import-damaged-title = Bagian rusak
import-region-skipped = { $count ->
   *[other] { $file } pada byte { $offset }: { $count } byte dilewati ({ $reason })
}
# Di bawah daftar yang dipotong.
import-and-more = … dan { $count } lainnya
import-notes = Catatan

# Nama berkas atau direktori ekspor yang disarankan.
import-export-file-selected = Pesan terpilih
import-export-file-folder = Folder
import-no-store = tidak ada penyimpanan surel yang terbuka

# Impor yang dibatalkan, sebagai kalimat ringkasan ("Dibatalkan.").
import-cancelled-short = dibatalkan

