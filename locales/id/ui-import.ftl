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

