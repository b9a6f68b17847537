### Sindhi (sd) messages: the Atom feeds of published stories (/sd/feed.atom, read in feed readers).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

# The feed's title; $site is the site's name.
feed-title = { $site }: شايع ٿيل ڪهاڻيون
# The title of a feed with a filter; $filter is the filter in words, e.g. "Platform: WhatsApp".
feed-title_filtered = { $site }: شايع ٿيل ڪهاڻيون ({ $filter })
feed-subtitle = { $site } تي شايع ٿيل تازيون گمنام ڪهاڻيون، نيون پهريان. جايون ضلعا يا صوبا آهن، تاريخون مهينا آهن.
feed-subtitle_filtered = { $site } تي شايع ٿيل تازيون گمنام ڪهاڻيون جيڪي { $filter } سان ملن ٿيون، نيون پهريان. جايون ضلعا يا صوبا آهن، تاريخون مهينا آهن.
