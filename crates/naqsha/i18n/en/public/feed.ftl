### Atom feeds of published stories (en): /feed.atom, read in feed readers. Every key must also be in ur.

# The feed's title; $site is the site's name.
feed-title = { $site }: published stories
# The title of a feed with a filter; $filter is the filter in words, e.g. "Platform: WhatsApp".
feed-title_filtered = { $site }: published stories ({ $filter })
feed-subtitle = The newest anonymised stories published on { $site }, newest first. Places are districts or provinces, dates are months.
feed-subtitle_filtered = The newest anonymised stories published on { $site } that match { $filter }, newest first. Places are districts or provinces, dates are months.
