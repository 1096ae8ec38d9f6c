# popmail — Bahasa Indonesia. Yang disampaikan sinkronisasi kepada orang
# (src/sync): laporan uji coba dan pemberitahuan setelah sinkronisasi, yang
# ditampilkan oleh jendela dan baris perintah.

## Uji coba: yang akan dihapus sinkronisasi berikutnya di server.

sync-dry-nothing = Sinkronisasi berikutnya tidak akan menghapus apa pun dari server (saat ini ada { $on_server } pesan di sana).
# $when berisi sync-dry-received-on, sync-dry-received-between, atau kosong; $size berisi "1,2 MB".
sync-dry-delete = Sinkronisasi berikutnya akan menghapus { $count } pesan ({ $size }) dari server{ $when }. Saat ini ada { $on_server } pesan di sana.
sync-dry-received-on = , yang diterima pada { $date }
sync-dry-received-between = , yang diterima antara { $from } dan { $to }
# Kalimat kedua setelah laporan.
sync-dry-download = Sebelumnya akan diunduh { $count } pesan baru.

## Pemberitahuan setelah sinkronisasi (status jendela dan popmail sync).

sync-notice-no-top = Server tidak bisa mengirim kepala pesan saja (tidak punya perintah TOP), jadi { $count } pesan di atas batas ukuran diunduh lengkap.
# $limit berisi "256 MB".
sync-notice-too-large = Server tidak bisa mengirim kepala pesan saja (tidak punya perintah TOP), dan { $count } pesan lebih besar dari batas yang diterima popmail ({ $limit }), jadi pesan itu tetap di server tanpa diubah.
sync-notice-duplicate-uidl = Server memberi ID unik (UIDL) yang sama untuk lebih dari satu pesan, padahal seharusnya tidak (ID itu mungkin berasal dari kepala X-UIDL palsu). popmail membedakannya lewat kepala pesan dan mengunduh { $count } pesan di antaranya.

## Alasan unduhan berhenti (di dalam pesan galat).

sync-writer-stopped = penulis penyimpanan berhenti tiba-tiba
sync-download-stopped = unduhan berhenti
sync-unasked-message = server mengirim pesan { $msg }, padahal tidak diminta
