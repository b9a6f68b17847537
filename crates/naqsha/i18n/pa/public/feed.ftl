### Punjabi in Shahmukhi script (pa) messages: the Atom feeds of published stories (/pa/feed.atom, read in feed readers).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

# The feed's title; $site is the site's name.
feed-title = { $site }: شائع ہوئیاں کہاݨیاں
# The title of a feed with a filter; $filter is the filter in words, e.g. "Platform: WhatsApp".
feed-title_filtered = { $site }: شائع ہوئیاں کہاݨیاں ({ $filter })
feed-subtitle = { $site } تے شائع ہوئیاں سبھ توں نویاں گمنام کہاݨیاں، نویاں پہلاں۔ تھاواں ضلعے یا صوبے نیں، تاریخاں مہینے نیں۔
feed-subtitle_filtered = { $site } تے شائع ہوئیاں سبھ توں نویاں گمنام کہاݨیاں جیہڑیاں { $filter } نال ملدیاں نیں، نویاں پہلاں۔ تھاواں ضلعے یا صوبے نیں، تاریخاں مہینے نیں۔
