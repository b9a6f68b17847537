### The frame of every public page (menu, help in reach) and the shared-phone advice.
### Every key here must also be in frame.ur.ftl.

frame-get_help = Get help
frame-nav_stats = Statistics
frame-nav_data = Data
frame-nav_help = Help

help_box-heading = Talk to someone now
help_box-free = Free and confidential. You do not have to give your name.
help_box-more = More helplines and advice
help_box-no_number = Helplines, how to report and what the law says:

hide_visit-heading = If others use this phone
hide_visit-private = Use a private or incognito window (in Chrome: ⋮ then “New Incognito tab”): it keeps no history of this visit.
hide_visit-clear = Otherwise, when you have finished, delete this site from your browser history, and close this tab.
hide_visit-exit = “Quick exit” (at the top of every page) leaves at once for an ordinary page of another site.
