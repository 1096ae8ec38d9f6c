# popmail — Bahasa Indonesia. Aturan dalam kata-kata (src/rules): yang
# diperiksa aturan, cara membandingkan, yang dilakukan, dan yang salah pada
# aturan. Tampil di Pengaturan → Aturan dan di `popmail rule list/add`.
# Kata-kata sintaks aturan (from, contains, move, …) tidak diterjemahkan:
# itulah yang diketik orang.

## Yang diperiksa sebuah syarat (sama dengan penyunting aturan).

rules-field-from = Pengirim
rules-field-to = Penerima
rules-field-cc = Cc
rules-field-to-or-cc = Penerima atau Cc
rules-field-subject = Subjek
rules-field-header = header "{ $name }"
rules-field-body = isi pesan
rules-field-size = ukuran
rules-field-attachments = ada lampiran
rules-field-account = akun
rules-field-age = umur

## Cara membandingkan.

rules-matcher-contains = memuat
rules-matcher-not-contains = tidak memuat
rules-matcher-is = adalah
rules-matcher-begins = diawali
rules-matcher-ends = diakhiri
rules-matcher-regex = cocok dengan
rules-matcher-greater = lebih dari
rules-matcher-less = kurang dari

# Sebuah syarat: Subjek memuat "promo".
rules-condition = { $field } { $matcher } "{ $value }"

## Yang dilakukan aturan.

rules-action-move = pindahkan ke "{ $folder }"
rules-action-read = tandai sudah dibaca
rules-action-star = beri bintang
rules-action-trash = pindahkan ke Tempat Sampah
rules-action-junk = tandai sebagai spam
rules-action-not-junk = tandai bukan spam
rules-action-stop = berhenti memproses aturan
rules-action-delete-from-server = hapus dari server
rules-action-leave-on-server = biarkan di server
rules-action-download-full = unduh lengkap

## Yang salah pada aturan (setelah "aturan "NAMA": ").

rules-check-same-name = sudah ada aturan lain dengan nama yang sama; beri setiap aturan namanya sendiri
rules-check-no-name = aturan perlu nama
rules-check-no-condition = aturan perlu setidaknya satu syarat
rules-check-no-action = aturan perlu setidaknya satu tindakan
# $condition berisi rules-condition.
rules-check-condition = syarat { $number } ({ $condition }): { $detail }
rules-check-no-folder = "pindahkan ke" perlu nama folder
rules-check-bad-folder = "{ $name }" tidak bisa menjadi nama folder (tanpa '/', tanpa karakter kendali, paling banyak 255 karakter)
rules-check-bad-header = "{ $name }" bukan nama header
rules-check-attachments = "ada lampiran" dibandingkan dengan "adalah ya" atau "adalah tidak", bukan "{ $matcher }"
rules-check-numeric = { $field } dibandingkan dengan "lebih dari" atau "kurang dari", bukan "{ $matcher }"
rules-check-text = { $field } berupa teks: pakai memuat, adalah, diawali, diakhiri, atau ekspresi reguler
rules-check-empty-text = teks yang dicari masih kosong
rules-check-empty-pattern = polanya masih kosong
# $limit berupa ukuran: "10 MB".
rules-check-pattern-too-large = pola "{ $pattern }" terlalu besar (lebih dari { $limit }); buat lebih sederhana
# $error berisi kata-kata pustaka regex apa adanya (bahasa Inggris).
rules-check-bad-pattern = "{ $pattern }" bukan pola yang sah: { $error }
rules-check-yes-no = "{ $value }" bukan ya atau tidak
rules-check-size = "{ $value }" bukan ukuran (contoh: 500K, 2M, 1500)
rules-check-days = "{ $value }" bukan jumlah hari (contoh: 30)

## Sintaks ringkas `popmail rule add` (kata-katanya tetap bahasa Inggris).

rules-syntax-field = "{ $word }" bukan nama bidang (from, to, cc, to-or-cc, subject, header:NAMA, body, size, attachments, account, age)
rules-syntax-no-matcher = pembanding dan nilainya belum ada
rules-syntax-matcher = "{ $word }" bukan pembanding (contains, !contains, is, begins, ends, matches, >, <)
rules-syntax-nothing-after = "{ $word }" tidak boleh diikuti apa pun
rules-syntax-action = "{ $word }" bukan tindakan (move FOLDER, read, star, trash, junk, not-junk, stop, delete-from-server, leave-on-server, download-full)
