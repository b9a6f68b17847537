### Pashto (ps) messages: the public filters (map, lists, statistics, downloads, API errors).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

filter-error-year = کال باید د 1990 او 2100 ترمنځ یوه شمېره وي۔
filter-error-year_order = لومړی کال باید له وروستي کال وروسته نه وي۔
filter-error-province = دا داسې صوبه یا سیمه نه ده چې موږ یې پېژنو۔
filter-error-term = دا ډول په لړلیک کې نشته۔
