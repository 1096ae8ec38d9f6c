# popmail — Bahasa Indonesia. Kata umum, tanggal dan ukuran (src/i18n, src/fmt.rs).
#
# Glosarium — pakai kata-kata ini di semua berkas, selalu sama:
#   Inbox            → Kotak Masuk
#   Sent             → Terkirim
#   Trash            → Tempat Sampah
#   Archive          → Arsip
#   Junk / spam      → Spam; "Mark as junk" → Tandai sebagai spam; "Not junk" → Bukan spam
#                      (jangan "Sampah": itu Tempat Sampah, yaitu Trash)
#   Folder           → Folder
#   Message / mail   → Pesan / surel ("email" juga dipahami; pakai "pesan")
#   Account          → Akun
#   Download         → Unduh;  Upload → Unggah
#   Sync             → Sinkronkan / sinkronisasi
#   Server           → Server
#   Delete from the server after download → Hapus dari server setelah diunduh
#   Keep a copy on the server               → Simpan salinan di server
#   Import / Export  → Impor / Ekspor
#   Attachment       → Lampiran
#   Sender           → Pengirim;  Subject → Subjek;  Recipient → Penerima
#   Search           → Cari / pencarian
#   Settings         → Pengaturan;  Preferences → Preferensi
#   Password         → Kata sandi;  Passphrase → Frasa sandi
#   Sign in          → Masuk;  Sign out → Keluar
#   Lock / Unlock    → Kunci / Buka kunci
#   Rule / filter    → Aturan / filter
#   Read / Unread    → Sudah dibaca / Belum dibaca
#   Flag (star)      → Tandai / bintang
#   Notification     → Notifikasi
#   Cancel           → Batal;  Close → Tutup;  Save → Simpan
# Sapaan: bentuk netral dan sopan, tanpa "Anda" berlebihan; kalimat perintah
# pendek untuk tombol ("Simpan", bukan "Silakan simpan").
# Angka: koma desimal ("1,5 MB"), titik pemisah ribuan ("12.345").

## Bahasa, masing-masing dalam bahasanya sendiri (Preferensi → Bahasa).

lang-system = Bahasa sistem
lang-en = English
lang-id = Bahasa Indonesia

## Kata yang dipakai di mana-mana.

common-ok = OK
common-cancel = Batal
common-close = Tutup
common-save = Simpan
common-delete = Hapus

## Jumlah pesan (bentuk jamak CLDR: bahasa Indonesia hanya punya "other").

count-messages = { $count ->
   *[other] { $count } pesan
}

## Tanggal (src/fmt.rs).

month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = Mei
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Agu
month-short-9 = Sep
month-short-10 = Okt
month-short-11 = Nov
month-short-12 = Des
weekday-0 = Minggu
weekday-1 = Senin
weekday-2 = Selasa
weekday-3 = Rabu
weekday-4 = Kamis
weekday-5 = Jumat
weekday-6 = Sabtu
# 30 Nov 2026
date-day = { $day } { $month } { $year }
# 30 Nov 2026 14.05
date-time = { $day } { $month } { $year } { $time }
# Senin, 30 Nov 2026 14.05
date-time-long = { $weekday }, { $day } { $month } { $year } { $time }
date-unknown = —

## Ukuran: angkanya sudah memakai koma desimal.

size-bytes = { $count } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB

## popmail yang dibangun tanpa jendela (fitur `gui` dimatikan).

common-no-window = popmail ini dibangun tanpa jendela; gunakan subperintah (popmail --help).
