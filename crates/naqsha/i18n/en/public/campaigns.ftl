### campaign pages (en). Every key must also be in the other language.

campaign-period = { $first } to { $last }
campaign-prompt_heading = Today’s prompt
campaign-today = Today:
campaign-stories_heading = Stories of the campaign
campaign-posts_heading = News of the campaign
campaign-all = All campaigns
campaign-list_title = Campaigns
campaign-list_intro = The campaigns we take part in, with their stories and what we wrote for them.
campaign-none = No campaign yet.
campaign-now = On now
