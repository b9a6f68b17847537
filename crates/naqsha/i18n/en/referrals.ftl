### Referrals: services a moderator points a reporter to (data/referrals), as the reporter's
### reply and the staff pages show them.

admin-nav-referrals = Referrals

referrals-kind-cybercrime = Report a cybercrime
referrals-kind-helpline = Helplines
referrals-kind-legal_aid = Legal advice and aid
referrals-kind-counselling = Counselling
referrals-kind-shelter = Shelters and crisis centres
referrals-call = Call
referrals-website = Website
referrals-email = Email
referrals-hours = Hours
referrals-check = Not confirmed: check the details before sending
referrals-picker-legend = Services to send with this reply
referrals-picker-hint = Tick the services to send with this reply. Those marked as suggested fit the case's province and kind of violence; nothing is ticked for you.
referrals-picker-suggested = suggested
referrals-admin-title = Referrals
referrals-admin-intro = The services a moderator can send with a reply, as the person who reported sees them on the follow-up page. The list is a file on the server: copy data/referrals/pk.toml to referrals.toml in the data directory and edit it (see data/referrals/README.md). A reply keeps the services as they were sent.
referrals-admin-problem = The referrals file in the data directory cannot be used, so the bundled list is shown. What is wrong:
referrals-admin-source_override = This is the organisation's list (referrals.toml in the data directory).
referrals-admin-source_bundled = This is the list that comes with Naqsha.
referrals-admin-none = There are no services to show.
referrals-admin-scope = Where and for what each service is suggested
referrals-admin-where = Provinces: { $provinces }. Kinds of violence: { $harms }.
referrals-admin-nationwide = Whole country
referrals-admin-any_harm = Any
referrals-admin-list_separator = ,{" "}
