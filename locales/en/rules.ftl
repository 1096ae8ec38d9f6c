# popmail — English. Rules in words (src/rules): what a rule looks at, how it
# compares, what it does, and what is wrong with one. Shown in Settings →
# Rules and by `popmail rule list/add`. The rule syntax's own words (from,
# contains, move, …) are not translated: they are what people type.

## What a condition looks at.

rules-field-from = From
rules-field-to = To
rules-field-cc = Cc
rules-field-to-or-cc = To or Cc
rules-field-subject = Subject
rules-field-header = the header "{ $name }"
rules-field-body = the body
rules-field-size = the size
rules-field-attachments = has attachments
rules-field-account = the account
rules-field-age = the age

## How it compares.

rules-matcher-contains = contains
rules-matcher-not-contains = doesn't contain
rules-matcher-is = is
rules-matcher-begins = begins with
rules-matcher-ends = ends with
rules-matcher-regex = matches
rules-matcher-greater = is greater than
rules-matcher-less = is less than

# A condition: Subject contains "offer".
rules-condition = { $field } { $matcher } "{ $value }"

## What a rule does.

rules-action-move = move to "{ $folder }"
rules-action-read = mark read
rules-action-star = star
rules-action-trash = move to the Trash
rules-action-junk = mark as junk
rules-action-not-junk = mark as not junk
rules-action-stop = stop processing rules
rules-action-delete-from-server = delete from the server
rules-action-leave-on-server = leave on the server
rules-action-download-full = download in full

## What is wrong with a rule (after "rule "NAME": ").

rules-check-same-name = another rule has the same name; give each rule its own
rules-check-no-name = a rule needs a name
rules-check-no-condition = a rule needs at least one condition
rules-check-no-action = a rule needs at least one action
# $condition is rules-condition.
rules-check-condition = condition { $number } ({ $condition }): { $detail }
rules-check-no-folder = "move to" needs a folder name
rules-check-bad-folder = "{ $name }" cannot be a folder name (no '/', no control characters, at most 255 characters)
rules-check-bad-header = "{ $name }" is not a header name
rules-check-attachments = "has attachments" is compared with "is yes" or "is no", not "{ $matcher }"
rules-check-numeric = { $field } is compared with "greater" or "less", not "{ $matcher }"
rules-check-text = { $field } is text: use contains, is, begins with, ends with or a regex
rules-check-empty-text = the text to look for is empty
rules-check-empty-pattern = the pattern is empty
# $limit is a size: "10 MB".
rules-check-pattern-too-large = the pattern "{ $pattern }" is too large (over { $limit }); make it simpler
# $error is the regex library's own (English) words.
rules-check-bad-pattern = "{ $pattern }" is not a valid pattern: { $error }
rules-check-yes-no = "{ $value }" is not yes or no
rules-check-size = "{ $value }" is not a size (examples: 500K, 2M, 1500)
rules-check-days = "{ $value }" is not a number of days (example: 30)

## The compact rule syntax of `popmail rule add` (its words stay English).

rules-syntax-field = "{ $word }" is not a field (from, to, cc, to-or-cc, subject, header:NAME, body, size, attachments, account, age)
rules-syntax-no-matcher = a matcher and a value are missing
rules-syntax-matcher = "{ $word }" is not a matcher (contains, !contains, is, begins, ends, matches, >, <)
rules-syntax-nothing-after = "{ $word }" takes nothing after it
rules-syntax-action = "{ $word }" is not an action (move FOLDER, read, star, trash, junk, not-junk, stop, delete-from-server, leave-on-server, download-full)
