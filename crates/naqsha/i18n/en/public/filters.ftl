### The public filters (map, lists, statistics, downloads, API errors).

filter-error-year = A year must be a number between 1990 and 2100.
filter-error-year_order = The first year must not be after the last year.
filter-error-province = That is not a province or territory we know.
filter-error-term = That category is not in the list.
