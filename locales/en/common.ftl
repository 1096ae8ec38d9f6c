# popmail — English. Shared words, dates and sizes (src/i18n, src/fmt.rs).
# Each area has its own file (ui-*.ftl, cli.ftl, errors.ftl); a key lives in
# exactly one file and exists in every language (tests/i18n.rs checks).
# Variables are named in snake_case: { $count }, { $name }.

## The languages, each named in itself (Preferences → Language).

lang-system = System language
lang-en = English
lang-id = Bahasa Indonesia

## Words used everywhere.

common-ok = OK
common-cancel = Cancel
common-close = Close
common-save = Save
common-delete = Delete

## A count of messages (CLDR plurals).

count-messages = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}

## Dates (src/fmt.rs). Months and weekdays, short and long.

month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
weekday-0 = Sunday
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
# 30 Nov 2026
date-day = { $day } { $month } { $year }
# 30 Nov 2026 14:05
date-time = { $day } { $month } { $year } { $time }
# Monday, 30 Nov 2026 14:05
date-time-long = { $weekday }, { $day } { $month } { $year } { $time }
# A missing or impossible date.
date-unknown = —

## Sizes: the number comes already formatted with the locale's decimal
## separator ("1.5" here, "1,5" in Indonesian).

size-bytes = { $count } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB

## A popmail built without its window (the `gui` feature off).

common-no-window = This popmail was built without its window; use a subcommand (popmail --help).
