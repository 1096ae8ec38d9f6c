# popmail — English. The reader pane: headers, notices, attachments, links,
# images and the preview window (src/ui/reader.rs, src/ui/reader/).

reader-select-message = Select a message to read it.
reader-cannot-show = This message cannot be shown: { $error }
reader-opening = Opening…

## Headers and the buttons under them.

reader-header-from = From
reader-header-to = To
reader-header-cc = Cc
reader-header-date = Date
# The Date header could not be read.
reader-no-date = (no date)
reader-show-all-headers = Show all headers
reader-view-source = View source
reader-show-html = Show HTML
reader-show-plain = Show as plain text
reader-all-headers = All headers
reader-mark-unread = Mark unread
reader-mark-read = Mark read
reader-unstar = Unstar
reader-star = Star

## Notices above the message.

reader-headers-only = Only the headers of this message were downloaded (it is larger than the account's size limit).
reader-download-full = Download the full message
reader-sync-unavailable = Syncing is not available
reader-remote-images-blocked = { $count ->
    [one] { $count } remote image
   *[other] { $count } remote images
} not loaded. Remote content (images, trackers) is never loaded.
reader-html-as-text = This message was written in HTML and is shown as text. Remote content (images, trackers) is never loaded.
# Tooltip of OK under the missing-font notice.
reader-fonts-dismiss-hint = Do not say this again until popmail restarts
reader-truncated = This message is too large or too deeply nested to show whole; use View source for the rest.
reader-show-everything = The message is long; show everything
reader-text-cut = The text was cut at { $size }; use View source for the rest.
reader-show-quoted = Show quoted text ({ $levels } levels)
reader-hide-quoted = Hide quoted text

## Attachments.

reader-attachments = { $count ->
    [one] { $count } attachment
   *[other] { $count } attachments
}
reader-save-all = Save all…
reader-open = Open
reader-open-hint = Open { $name } with the system's application
reader-preview = Preview
reader-preview-hint = Show { $name } here
reader-save = Save…
reader-save-hint = Save { $name }
reader-dangerous-open = “{ $name }” is a program, script or macro document. Opening it can harm your computer. Open it only if you trust the sender and expected this file.
reader-open-anyway = Open anyway
reader-open-cannot-start = cannot start opening files: { $error }
reader-open-no-worker = cannot start opening files
reader-opening-file = Opening { $name }…
reader-opened-file = Opened { $name } (a private copy, removed when popmail exits)
reader-open-not-opened = the file was not opened: { $reason }

## Links and images in the message.

reader-links = Links in this message ({ $count })
reader-link-hint = Ask before opening in the browser
# Tooltip of a link, under its address.
reader-link-click-hint = Click to open it in your browser (you will be asked first).
reader-link-open-hint = Click to open it (you will be asked first).
reader-image-link-hint = Click to open it (you will be asked first); right-click to view the image at full size.
reader-image-hint = Click to view at full size
reader-view-full-size = View full size
reader-remote-image = remote image not loaded
reader-image-loading = loading image…
# An image without a description.
reader-image-placeholder = image
# The full-size image window's title when the image has no description.
reader-image = Image
reader-images-unavailable = images cannot be decoded right now

## The preview window.

reader-preview-preparing = Preparing the preview…
reader-preview-failed = This cannot be shown: { $reason }
reader-preview-pixels = { $width } × { $height } pixels
reader-preview-alt = the image at full size
reader-preview-cut = Only the beginning is shown; save the file to read it all.
reader-preview-unavailable = previews cannot be made right now
