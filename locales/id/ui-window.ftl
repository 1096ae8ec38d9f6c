# popmail — Bahasa Indonesia. Jendela utama: menu, bilah alat, panel folder,
# daftar pesan, pencarian, bilah status, dialog, halaman sambutan, dan jendela
# penampil pesan (src/ui, kecuali pengaturan, impor/ekspor, keamanan, kunci).

## Bilah menu (src/ui/menus.rs).

window-menu-file = Berkas
window-menu-message = Pesan
window-menu-view = Tampilan
window-menu-sync = Sinkronkan
window-add-account = Tambah akun POP3…
window-account-settings = Pengaturan akun…
window-import = Impor…
window-export = Ekspor…
window-try-demo = Coba demo
window-preferences = Preferensi…
window-rules = Aturan…
window-security = Keamanan…
window-lock = Kunci
window-quit = Keluar
window-open = Buka
window-toggle-read = Tandai dibaca / belum dibaca
window-toggle-star = Beri / hapus bintang
window-archive = Arsipkan
window-move-to = Pindahkan ke…
# Menu Pesan dan menu klik kanan baris: tandai pilihan sebagai spam.
window-junk = Tandai spam
window-not-junk = Bukan spam
window-delete-for-good = Hapus permanen…
window-restore = Pulihkan dari Tempat Sampah
window-undo = Urungkan
# Pesan → Urungkan, dengan yang diurungkan ($what: window-undo-move, -delete, -restore).
window-undo-what = Urungkan { $what }
window-empty-trash = Kosongkan Tempat Sampah…
window-search = Cari
window-conversations = Percakapan
window-reader-right = Panel baca di kanan
window-reader-bottom = Panel baca di bawah daftar
window-theme-system = Tema: ikuti sistem
window-theme-light = Tema: terang
window-theme-dark = Tema: gelap
window-text-larger = Perbesar teks
window-text-smaller = Perkecil teks
window-sync-all = Sinkronkan semua akun
# Menu Sinkronkan: satu entri per akun.
window-sync-account = Sinkronkan { $name }
window-sync-stop = Hentikan sinkronisasi

## Bilah alat (src/ui/toolbar.rs).

window-conversations-hint = Kelompokkan balasan di bawah pesan yang dibalasnya
window-mark-junk = Tandai spam
window-mark-junk-hint = Pindahkan ke Spam dan latih filter spam (J)
window-not-junk-hint = Bukan spam: latih filter dan percayai pengirimnya (Shift+J)

## Menu klik kanan baris (src/ui/row_menu.rs).

window-mark-unread = Tandai belum dibaca
window-mark-read = Tandai sudah dibaca
window-unstar = Hapus bintang
window-star = Beri bintang
window-run-rules-selection = Jalankan aturan pada pilihan
window-export-selected = Ekspor yang dipilih…

## Halaman sambutan (src/ui/welcome.rs).

window-welcome-title = Selamat datang di popmail
window-welcome-line1 = popmail mengunduh pesan Anda lewat POP3 dan menyimpannya di komputer ini,
window-welcome-line2 = sehingga dapat dibaca dan dicari tanpa koneksi internet.
window-welcome-add-hint = Masukkan server dan data masuk akun surel Anda
window-welcome-import = Impor kotak surat…
window-welcome-import-hint = Baca pesan dari berkas mbox, Maildir, atau berkas .eml
window-welcome-demo-hint = Jalankan server surel kecil berisi contoh pesan di komputer ini, lalu sinkronkan
window-welcome-demo-note = Demo menyimpan pesannya di folder terpisah; pesan Anda sendiri tidak akan tersentuh.
window-demo-failed = Demo tidak dapat dimulai: { $error }
window-no-store-title = popmail tidak dapat membuka penyimpanan pesannya
window-no-store-no-dir = tidak ada direktori data
# Bilah status selama demo berjalan.
window-demo-status = Demo: server surel di 127.0.0.1:{ $port }
window-no-archive = tidak ada folder Arsip
window-no-store-open = tidak ada penyimpanan pesan yang terbuka

## Panel folder (src/ui/folders.rs). Folder khusus tetap disimpan dengan nama
## aslinya; ini hanya cara jendela menampilkannya.

window-folder-all-inboxes = Semua Kotak Masuk
window-folder-inbox = Kotak Masuk
window-folder-trash = Tempat Sampah
window-folder-archive = Arsip
window-folder-junk = Spam
window-local-folders = Folder lokal
window-new-folder = Folder baru…
window-new-subfolder = Subfolder baru…
window-rename = Ganti nama…
window-delete-folder = Hapus folder
window-run-rules-folder = Jalankan aturan pada folder ini
# Judul dialog yang menjelaskan mengapa folder tidak dapat dibuat, diganti namanya, atau dihapus.
window-folder-error-title = Folder

## Daftar pesan (src/ui/list_paint.rs).

window-list-choose-folder = Pilih folder di sebelah kiri.
window-list-loading = Memuat…
window-list-empty = Tidak ada pesan di sini.
# Ditambahkan ke nama baris untuk pembaca layar.
window-list-junk-suffix = (spam)
# Di depan subjek pesan yang isinya belum diunduh.
window-list-headers-only = [hanya header]
window-no-subject = (tanpa subjek)
window-col-from = Dari
window-col-subject = Subjek
window-col-date = Tanggal
window-col-size = Ukuran
window-col-starred = Berbintang
window-col-junk = Ditandai spam
window-col-attachments = Ada lampiran
window-sort-by = Urutkan menurut { $column }
window-resize-column = Ubah lebar kolom { $column }
window-list-position = Posisi daftar pesan

## Pencarian (src/ui/search.rs).

window-search-hint = Cari pesan (Ctrl+F)
window-search-hover = Kata yang dicari di subjek, pengirim, penerima, dan isi pesan
window-search-this-folder = Folder ini
window-search-this-folder-hint = Cari hanya di folder yang ditampilkan
window-search-everywhere = Semua folder
window-search-everywhere-hint = Cari di semua folder
window-search-clear = Hapus pencarian
window-search-running = Mencari “{ $query }”…
window-search-results = { $count ->
   *[other] { $count } hasil
} untuk “{ $query }”
window-search-best-only = (hanya hasil terbaik)
window-search-failed = Pencarian gagal: { $error }

## Bilah status (src/ui/status_bar.rs).

window-sync = Sinkronkan
window-stop = Hentikan
window-stop-hint = Batalkan semua sinkronisasi
window-sync-hint = Periksa pesan baru di semua akun (F5)
window-sync-checking = { $name }: memeriksa…
window-sync-progress = { $name }: { $done } dari { $total ->
   *[other] { $total } pesan
}, { $bytes_done } dari { $bytes_total }
window-sync-cancelled = { $name }: dibatalkan
window-sync-up-to-date = { $name }: sudah terbaru
window-sync-downloaded = { $name }: { $count } diunduh ({ $size })
window-sign-in-again = Masuk lagi
window-sign-in-again-hint = Masuk ke { $name } di peramban
window-details = Detail…
window-details-hint = Log protokol sinkronisasi terakhir { $name }
window-new-messages = { $count ->
   *[other] { $count } pesan baru
}
window-undo-hint = Urungkan pemindahan atau penghapusan terakhir (Ctrl+Z)
window-sync-stopped = Sinkronisasi berhenti: { $reason }
# Judul jendela kesalahan sinkronisasi bila akunnya sudah tidak ada.
window-account-fallback = akun
window-sync-error-title = Kesalahan sinkronisasi — { $name }
window-protocol-log = Log protokol (kata sandi dihapus):
window-protocol-log-empty = (tidak ada pertukaran data dengan server)
window-sync-not-failed = Sinkronisasi terakhir akun ini tidak gagal.
window-open-account-settings = Buka pengaturan akun
# Tombol di samping baris kesalahan di atas daftar pesan.
window-dismiss = Abaikan
window-busy-working = Memproses…
window-busy-loading = Memuat folder…
window-sync-unavailable = Sinkronisasi tidak tersedia: { $reason }
window-sync-unavailable-no-worker = Sinkronisasi tidak tersedia: proses sinkronisasi tidak berjalan
window-sync-thread-failed = proses sinkronisasi tidak dapat dimulai: { $error }
window-notify-thread-failed = proses notifikasi tidak dapat dimulai: { $error }
window-thread-stopped = Proses latar belakang berhenti: { $reason }
window-download-failed = Unduhan gagal
window-cannot-save = tidak dapat menyimpan { $path }: { $error }

## Pemindahan atau penghapusan terakhir, dan yang diurungkan (Pesan → Urungkan …).

window-undo-move = pemindahan ke { $folder }
window-undo-delete = penghapusan
window-undo-restore = pemulihan
window-notice-moved = { $count ->
   *[other] { $count } pesan
} dipindahkan ke { $folder }.
window-notice-trashed = { $count ->
   *[other] { $count } pesan
} dipindahkan ke Tempat Sampah.
window-notice-restored = { $count ->
   *[other] { $count } pesan
} dipulihkan.
window-notice-deleted-title = Dihapus
window-notice-deleted = { $count ->
   *[other] { $count } pesan
} dihapus permanen.
window-notice-saved-title = Tersimpan
window-notice-saved = { $count ->
   *[other] { $count } berkas
} disimpan.

## Dialog (src/ui/dialogs.rs).

# Judul jendela sumber mentah pesan.
window-source-title = Sumber — { $title }
window-expunge-title = Hapus permanen?
window-expunge-text = { $count ->
   *[other] { $count } pesan
} akan dihapus dari komputer ini. Tindakan ini tidak dapat diurungkan.
window-expunge-confirm = Hapus permanen
window-empty-title = Kosongkan Tempat Sampah?
window-empty-text = { $count ->
   *[other] { $count } pesan
} di Tempat Sampah akan dihapus dari komputer ini. Tindakan ini tidak dapat diurungkan.
window-empty-confirm = Kosongkan
window-new-folder-title = Folder baru
window-folder-name-hint = Nama folder
window-create = Buat
window-rename-title = Ganti nama folder
window-new-name-hint = Nama baru
window-rename-confirm = Ganti nama
window-delete-folder-title = Hapus folder?
window-delete-folder-text = Folder “{ $name }” akan dihapus. Hanya folder kosong yang dapat dihapus.
window-open-link-title = Buka tautan ini?
window-open-link-where = Tautan akan dibuka di peramban web:
window-open-link-warning = Buka hanya tautan yang Anda harapkan: teks tautan bisa berbeda dari tujuannya.
window-open-in-browser = Buka di peramban
# Judul peringatan sebelum menyimpan atau membuka program atau skrip.
window-dangerous-title = Berkas ini dapat menjalankan program
window-dangerous-save = “{ $name }” adalah program, skrip, atau dokumen makro. Membukanya dapat membahayakan komputer Anda. Simpan hanya jika Anda memercayai pengirimnya dan memang menunggu berkas ini.
window-save-anyway = Tetap simpan
window-overwrite-title = Ganti berkas?
window-overwrite-text = { $path } sudah ada.
window-replace = Ganti
# Judul dialog berkas desktop.
window-import-file-title = Impor berkas kotak surat
window-import-folder-title = Impor folder kotak surat

## Fon yang tidak ada (src/ui/fonts.rs): nama aksara dan petunjuk di panel baca.

window-script-cjk = Tionghoa/Jepang
window-script-korean = Korea
window-script-arabic = Arab
window-script-hebrew = Ibrani
window-script-thai = Thai
window-script-devanagari = Dewanagari
# Menggabungkan dua nama paket: "fonts-noto-cjk dan fonts-noto-core".
window-fonts-and = dan
window-fonts-missing = Tidak ada fon di komputer ini untuk teks { $scripts }, sehingga teks itu mungkin tampil sebagai kotak. Pasang paket Debian { $packages } ({ $command }) lalu mulai ulang popmail.

## Jendela penampil pesan (`popmail BERKAS.eml`, src/ui/viewer_app.rs) dan
## pembukaan jendela kedua.

window-viewer-import = Impor ke popmail…
window-viewer-import-started = popmail membuka dialog impor dengan berkas ini.
window-viewer-import-failed = popmail tidak dapat dijalankan: { $error }
window-viewer-link-failed = Tautan tidak dapat dibuka: { $error }
window-viewer-save-failed = { $path } tidak dapat disimpan: { $error }
window-viewer-saved = { $count ->
   *[other] { $count } lampiran disimpan
}
window-viewer-too-large = { $path } berukuran { $size }, melebihi batas yang dapat dibaca popmail ({ $limit })
window-already-open = popmail sudah terbuka untuk folder data ini; jendela yang ada mengambil alih.
