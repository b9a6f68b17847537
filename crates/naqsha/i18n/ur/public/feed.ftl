### Atom feeds of published stories (ur): /ur/feed.atom, read in feed readers.

feed-title = { $site }: شائع شدہ کہانیاں
feed-title_filtered = { $site }: شائع شدہ کہانیاں ({ $filter })
feed-subtitle = { $site } پر شائع ہونے والی تازہ ترین گمنام کہانیاں، نئی پہلے۔ مقامات اضلاع یا صوبے ہیں، تاریخیں مہینے ہیں۔
feed-subtitle_filtered = { $site } پر شائع ہونے والی تازہ ترین گمنام کہانیاں جو { $filter } سے ملتی ہیں، نئی پہلے۔ مقامات اضلاع یا صوبے ہیں، تاریخیں مہینے ہیں۔
