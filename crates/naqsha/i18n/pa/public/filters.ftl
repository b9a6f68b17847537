### Punjabi (Shahmukhi) (pa) messages: the errors of the public filters (map, lists, statistics, downloads, API).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

filter-error-year = سال 1990 تے 2100 دے وچکار دا کوئی عدد ہوݨا چاہیدا اے۔
filter-error-year_order = پہلا سال اخیرلے سال توں بعد دا نہیں ہو سکدا۔
filter-error-province = ایہہ کوئی اجیہا صوبہ یا علاقہ نہیں جیہنوں اسیں جاݨدے آں۔
filter-error-term = ایہہ قسم فہرست وچ نہیں۔
