### federation messages of the staff workspace (en): the instances this one follows. Every key must also be in the other language.

admin-nav-federation = Federation
admin-federation-title = Followed instances
admin-federation-intro =
    { $minutes ->
        [one] Naqsha pulls the signed feed of each instance it follows every minute, checks every page's signature and every case, and shows the cases on the world map beside this instance's own. A page that fails a check is refused whole and the cases already held are kept.
       *[other] Naqsha pulls the signed feed of each instance it follows every { $minutes } minutes, checks every page's signature and every case, and shows the cases on the world map beside this instance's own. A page that fails a check is refused whole and the cases already held are kept.
    }
admin-federation-none = This instance follows no other. Add one with naqsha federation follow, or under [federation] follow in the configuration.
admin-federation-url = Address
admin-federation-key = Public key
admin-federation-cases = Cases held
admin-federation-last_ok = Last good pull
admin-federation-next_pull = Next pull
admin-federation-never = Never
admin-federation-refused_page = The last pull was refused; the cases held are those of the last good pull
admin-federation-failures =
    { $count ->
        [one] { $count } failed pull; pulling less often until it works again
       *[other] { $count } failed pulls in a row; pulling less often until it works again
    }
admin-federation-refused_items =
    { $count ->
        [one] { $count } item refused on the last pull
       *[other] { $count } items refused on the last pull
    }
admin-federation-pull_now = Pull now
admin-federation-mapping = Taxonomy mapping
admin-federation-mapping_intro = Cases from instances with other taxonomies are counted in the shared exchange categories through the mapping file { $path } (written by naqsha federation mapping --write). Terms it has no line for are listed here, not guessed.
admin-federation-all_mapped = Every term of the followed cases is mapped (or the source's own mapping is used).
admin-federation-cases_n =
    { $count ->
        [one] { $count } case
       *[other] { $count } cases
    }
admin-federation-done-pulled = Pulled.
admin-federation-done-refused = The pull was refused; the reason is shown below and the cases held are kept.
admin-federation-done-busy = Another server is pulling this instance right now.
admin-federation-done-off = Pulling is off on this server (no HTTP client); see the log.
admin-federation-undecided = { $source }: marked for you to decide in the mapping file (counted in no shared category until you do)
admin-federation-unmapped = { $source }: terms the mapping file has no line for (counted in no shared category)
