### Sindhi (sd) messages: the public filters (map, lists, statistics, downloads, API errors).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

filter-error-year = سال 1990 ۽ 2100 جي وچ ۾ ڪو انگ هجڻ گهرجي.
filter-error-year_order = پهريون سال آخري سال کان پوءِ جو نٿو ٿي سگهي.
filter-error-province = اهو ڪو اهڙو صوبو يا علائقو ناهي جنهن کي اسان ڄاڻون ٿا.
filter-error-term = اهو قسم فهرست ۾ ناهي.
