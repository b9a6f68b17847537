### Pashto (ps) messages: the Atom feeds of published stories (/ps/feed.atom, read in feed readers).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

# The feed's title; $site is the site's name.
feed-title = { $site }: خپرې شوې کیسې
# The title of a feed with a filter; $filter is the filter in words, e.g. "Platform: WhatsApp".
feed-title_filtered = { $site }: خپرې شوې کیسې ({ $filter })
feed-subtitle = په { $site } کې خپرې شوې تر ټولو نوې بې نومه کیسې، نوې لومړی۔ ځایونه ضلعې یا صوبې دي، نېټې میاشتې دي۔
feed-subtitle_filtered = په { $site } کې خپرې شوې تر ټولو نوې بې نومه کیسې چې له { $filter } سره سمون لري، نوې لومړی۔ ځایونه ضلعې یا صوبې دي، نېټې میاشتې دي۔
