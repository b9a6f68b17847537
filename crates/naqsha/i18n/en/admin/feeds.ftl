### news monitoring messages of the staff workspace (en). Every key must also be in the other language.

admin-nav-feeds = News feeds
admin-feeds-title = News monitoring
admin-feeds-intro =
    { $minutes ->
        [one] Naqsha reads these RSS and Atom feeds every minute. News items that match a keyword rule arrive in the inbox as news candidates, once each even when several outlets carry the same story.
       *[other] Naqsha reads these RSS and Atom feeds every { $minutes } minutes. News items that match a keyword rule arrive in the inbox as news candidates, once each even when several outlets carry the same story.
    }
admin-feeds-feeds = Feeds
admin-feeds-no_feeds = No feeds yet. Add one below.
admin-feeds-rules = Keyword rules
admin-feeds-rules_intro = An item becomes a candidate when any enabled rule matches its headline or summary. Capital letters, Urdu letter variants (ي and ی, ك and ک) and diacritics do not matter; phrases match whole words.
admin-feeds-no_rules = No rules yet: no item will become a candidate until you add one.
admin-feeds-name = Name
admin-feeds-url = Feed address (RSS or Atom)
admin-feeds-feed_lang = Language of its news
admin-feeds-rule_lang = Language of the phrases
admin-feeds-status = Status
admin-feeds-on = On
admin-feeds-off = Off
admin-feeds-last_fetched = Last fetched
admin-feeds-never = Never
admin-feeds-items_seen = Items seen
admin-feeds-candidates = Candidates
admin-feeds-next_poll = Next check
admin-feeds-actions = Actions
admin-feeds-failures =
    { $count ->
        [one] { $count } failed check; checking less often until it works again
       *[other] { $count } failed checks in a row; checking less often until it works again
    }
admin-feeds-edit = Edit
admin-feeds-enable = Turn on
admin-feeds-disable = Turn off
admin-feeds-poll_now = Check now
admin-feeds-delete = Remove
admin-feeds-enabled = On
admin-feeds-add_feed = Add feed
admin-feeds-add_rule = Add rule
admin-feeds-save = Save
admin-feeds-edit_feed = Edit feed
admin-feeds-edit_rule = Edit rule
admin-feeds-back = Back to news monitoring
admin-feeds-phrases = Words or phrases
admin-feeds-phrases_hint = One per line, in English, Urdu or Roman Urdu, e.g. blackmail, بلیک میل, tasveerein viral.
admin-feeds-match = An item matches when it contains
admin-feeds-match_any = any one of them
admin-feeds-match_all = all of them
admin-feeds-hints = Pre-fill the coding
admin-feeds-hints_hint = Terms ticked here are filled in when a moderator makes a case from a matching item.
admin-feeds-lang-en = English
admin-feeds-lang-ur = Urdu
admin-feeds-lang-roman_ur = Roman Urdu
admin-feeds-error-name = Give a name of at most 100 characters.
admin-feeds-error-url = Give the full address of the feed, starting with https:// or http://.
admin-feeds-error-lang = Choose a language from the list.
admin-feeds-error-phrases = Give at least one word or phrase, one per line, each at most 200 characters.
admin-feeds-error-hints = One of the terms to pre-fill is not in the taxonomy. Choose from the list.
admin-feeds-fetch_error-connect = Could not connect to the feed.
admin-feeds-fetch_error-timeout = The feed did not answer in time.
admin-feeds-fetch_error-status = The feed's server answered with an error, HTTP status
admin-feeds-fetch_error-too_large = The feed is larger than the limit, in bytes:
admin-feeds-fetch_error-parse = This is not an RSS or Atom feed:
admin-feeds-fetch_error-private_address = The feed's address is on a private or local network. Naqsha fetches feeds only from public addresses (an admin of the server can allow others with news.allow_private_hosts).
admin-feeds-done-feed_added = Feed added. It will be checked within a minute.
admin-feeds-done-feed_saved = Feed saved.
admin-feeds-done-feed_deleted = Feed removed. Candidates it brought stay in the inbox.
admin-feeds-done-feed_due = The feed will be checked within a minute.
admin-feeds-done-rule_added = Rule added.
admin-feeds-done-rule_saved = Rule saved.
admin-feeds-done-rule_deleted = Rule removed.
admin-feeds-candidate-make_case = Make a case
admin-feeds-candidate-done = Case made from the news item, with the link, language and suggested categories filled in. Write the public wording and code it.
admin-feeds-candidate-not_news = Only news candidates can be made a case this way.
