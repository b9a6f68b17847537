### English interface messages. Every key here must also be in ur.ftl (a test checks).
### Placeholders are written {name} and must appear in both languages.

site-name = Naqsha
site-anonymised_note = Every story published here has been anonymised: names, exact places, exact dates and anything else that could identify a person are removed before publication.
site-language_switch_label = Read this page in Urdu

# Between the items of a short inline list, e.g. a district and its province.
list-separator = ,{" "}

nav-report = Report
nav-follow_up = Follow up
nav-label = Main menu
nav-home = Home

skip-to_content = Skip to main content

exit-link = Quick exit
exit-hint = Leave this site at once for an ordinary page of another site. With JavaScript on, pressing Esc or tapping Shift three times does the same.

home-title = Technology-related violence, documented
home-intro = This platform documents violence against women and sexual minorities that happens through phones and the internet: harassment, blackmail, stalking, fake profiles, hacked accounts, the sharing of private images and more. Survivors and witnesses tell their story safely and without giving their name. Our moderators remove anything that could identify anyone and only then publish the case here, so that the pattern becomes visible and can be put before the people who can change it.
home-published_total = Published cases
home-by_place_heading = Cases by province or territory
home-place_column = Province or territory
home-count_column = Cases
home-place_not_recorded = Place not recorded
home-latest_heading = Latest stories
home-empty = No stories have been published yet.

paging-label = Pages of stories
paging-newer = Newer stories
paging-older = Older stories
paging-position = Page { $page } of { $pages }

story-demo_badge = [Demo]
story-demo_note = Made-up example for demonstration, not a real case.
story-when = When
story-where = Where
story-categories = Categories
story-date_not_recorded = Date not recorded
story-place_not_recorded = Place not recorded
story-only_in_en = This story is only available in English.
story-only_in_ur = This story is only available in Urdu.
story-back = Back to all stories

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

error-go_home = Go to the home page
error-reference = Reference for the site team: { $id }
error-not_found-title = Page not found
error-not_found-body = There is nothing at this address. The story may have been withdrawn, or the link may be mistyped.
error-bad_request-title = This request could not be understood
error-bad_request-back-body = The page to return to could not be read. Use the menu to go on.
error-bad_request-form-body = The form could not be read. Please go back and send it again.
error-forbidden-title = Not allowed
error-forbidden-role = Your account's role does not allow this. Ask an admin if you need it.
error-forbidden-csrf = This form has expired or did not come from this site. Go back, reload the page and send it again.
error-forbidden-locked = This server does not hold the organisation key for your sign-in, so raw reports cannot be shown here. Open the workspace and enter your password to unlock them on this server.
error-internal-title = Something went wrong
error-internal-body = The problem is on our side, not yours. Please try again in a little while.
error-unavailable-title = Please try again in a minute
error-unavailable-body = Our database is not answering right now, so this cannot be done at the moment. Nothing is wrong on your side; please try again in a minute.
error-unavailable-report_api = The report could not be stored just now, and nothing was stored. Please send it again in a minute.
error-page_number-body = The page number must be a whole number, 1 or more.

report-title = Tell what happened
report-intro = You do not need an account, and you do not need to give your name. Only the first box is required; everything else helps us understand and count what is happening.
report-privacy_heading = Before you start
report-privacy_no_account = We do not record your IP address, your device or any cookie. Use the red button at the top to leave this site at once.
report-privacy_sealed = What you write is locked with a key that only our moderators hold, before it is saved. Nobody who takes the server can read it.
report-privacy_published = Nothing you write is published as it is. If you allow it, a moderator writes a short anonymised version without names, numbers or addresses, showing only the district or province and the month.
report-problems_heading = Please check the form
report-required = required
report-not_sure = Not sure
report-prefer_not_to_say = Prefer not to say
report-what_happened = What happened?
report-what_happened_hint = Tell it in your own words, in Urdu, English or Roman Urdu. You do not need to write names, numbers or addresses — if you do, we remove them before anything is published.
report-month = Month
report-year = Year
report-when = When did it happen?
report-when_hint = The month and year are enough. Tick “about” if you are not sure.
report-approximate = This is approximate (about)
report-danger_now = I am in danger now
report-danger_now_hint = Tick this and your report is read before the others. If your life is at risk, also call the police on 15, or the helpline at the end of this page.
report-place = Where did it happen?
report-place_hint = Choose a district, or only the province. Never give a street address.
report-place_none = I prefer not to say
report-place_whole_province = { $province } — district not given
report-place_text = City or town (optional)
report-place_text_hint = Only if your district is not in the list. Not a street or house.
report-details_hint = Tick what applies. You can skip any of these questions.
report-whose_question = Whose story is this?
report-source_url = Link to the news report (if any)
report-source_url_hint = Only if this story was reported in the news.
report-consent_question = What may we do with your story?
report-approve_first = Show me the anonymised version before it is published
report-approve_first_hint = Then nothing from your report is published until you answer: come back to “Follow up” with your receipt to read the version, approve it, ask for changes or say no.
report-contact_hint = Only if you want us to contact you. Your contact details are locked like your report and are never published. You can also follow up yourself with the receipt you will get.
report-contact_phone = Phone number
report-contact_email = Email address
report-contact_safety = Is it safe for us to contact you on this phone?
report-contact_safe_call = It is safe to call me
report-contact_safe_text = It is safe to send me a text message
report-contact_safety_hint = If you tick neither, we will not call or text you; you can still follow up yourself with your receipt.
report-contact_safe_times = When is it safe to contact you? (optional)
report-contact_safe_times_hint = For example: weekdays after 4 pm, never on Sundays.
report-self_description = In your own words (optional)
report-optional_intro = Everything below is optional. Open a section only if you want to tell us more.
report-evidence_hint = Screenshots or photos (JPEG, PNG or WebP) and PDF documents, up to 5 files and 10 MB each. We remove hidden location and camera data from pictures. Files are never published.
report-evidence_enough = A screenshot of the threat or message is enough. You never need to send us intimate pictures of yourself.
report-evidence = Choose files
report-evidence_none = No file chosen
report-evidence_kept = The files you already added are kept
report-pow_note = Many reports are arriving right now. Your browser is doing a short check before sending; this can take a few seconds.
report-submit = Send my report
report-section-what = What happened
report-section-when_where = When and where
report-section-details = More details (optional)
report-section-whose = Whose story
report-section-about = About you and this story (optional)
report-section-consent = What may be published
report-section-contact = Staying in touch (optional)
report-section-evidence = Evidence (optional)
report-whose-own = My own story
report-whose-other_with_consent = Someone else’s story, told with their permission
report-whose-news_report = A story from the news
report-consent-publish = Publish an anonymised version of my story
report-consent-publish_hint = A moderator removes names, numbers and places smaller than a district first.
report-consent-statistics_only = Only count it in the statistics
report-consent-statistics_only_hint = No text is published and it is never shown as a story. It is counted (its kind of abuse, district and month) in the totals, on the map and in the statistics.
report-consent-private = Keep it private
report-consent-private_hint = It is not published or counted; only our team reads it.
report-error-text_required = Please tell us what happened.
report-error-text_too_long = This is longer than 20,000 characters. Please shorten it, or send the rest later with your receipt.
report-error-text_invalid = The text contains characters that cannot be saved. Please retype it.
report-error-when_incomplete = Please choose both the month and the year, or neither.
report-error-when_future = This date is in the future.
report-error-when_invalid = Please choose a month and year from the lists.
report-error-place_unknown = Please choose a place from the list.
report-error-place_text_too_long = Please keep the city or town to 120 characters.
report-error-label_unknown = One of the choices is not known. Please choose again.
report-error-label_single = Please choose only one answer where only one is allowed.
report-error-choice_invalid = Please choose one of the options.
report-error-source_url = This does not look like a web link. It should start with https://
report-error-phone = This does not look like a phone number.
report-error-email = This does not look like an email address.
report-error-self_description = Please keep this to 100 characters.
report-error-safe_times = Please keep this to 200 characters.
report-error-throttled =
    { $minutes ->
        [one] Too many reports have come from your network in a short time. Your words are kept below; please wait { $minutes } minute and send again.
       *[other] Too many reports have come from your network in a short time. Your words are kept below; please wait { $minutes } minutes and send again.
    }
report-error-form_expired = This form was open for too long and has expired. Your words are kept below; please send again.
report-error-already_sent = This form was already sent and your report was received. If you need your receipt, it was shown after sending.
report-error-unavailable = We could not save your report just now, so nothing was sent. Your words and files are kept below; please send again in a minute.

receipt-title = Your report has been received
receipt-thanks = Thank you for telling us. Your report is saved and locked so that only our moderators can read it.
receipt-heading = Your receipt
receipt-explain = With this receipt you can see what happened to your report, add more information, or withdraw it. It is the only link between you and your report.
receipt-digits_intro = The same receipt as numbers, if that is easier to write down:
receipt-digits_first_intro = Your receipt as numbers: seven groups of five digits.
receipt-copy_hint = Tap the numbers once to select them all, then copy, or write them down group by group.
receipt-urdu_words_intro = The same receipt in seven Urdu words (any one of these forms is enough):
receipt-english_words_intro = The same receipt in English words:
receipt-advice_write = Write it down on paper or in a safe place. Either the words or the numbers are enough.
receipt-advice_once = It is shown only once. We do not store it and cannot send it to you again.
receipt-advice_safe = Anyone who has it can read the status of your report and withdraw it. Keep it away from people who could harm you.
receipt-follow_up_link = Follow up on a report
receipt-replies_heading = Replies from us
receipt-replies = If our team writes to you, the message appears only on the follow-up page. Check it every few days with your receipt.
receipt-no_notifications = We do not send you an email or a notification, not even when there is a new message.

evidence-empty = One of the files is empty.
evidence-unsupported_type = One of the files is not a JPEG, PNG or WebP picture or a PDF document.
evidence-heic = One of the files is an HEIC photo (the format iPhones use). We cannot yet remove its location data, so it was not kept: please send it as a JPEG or a screenshot.
evidence-too_large = One of the files is larger than 10 MB.
evidence-too_many_pixels = One of the pictures is too large (more than 40 megapixels).
evidence-corrupt = One of the files is damaged or incomplete and cannot be read.
evidence-polyglot = One of the files contains another hidden file and was refused.
evidence-pdf_active_content = One of the PDF documents contains scripts or attachments and was refused. Please send a screenshot instead.
evidence-pdf_uncheckable = One of the PDF documents could not be checked for safety. Please send a screenshot instead.
evidence-too_many_files = Please add at most 5 files.
evidence-total_too_large = The files together are larger than 25 MB.
evidence-processing_failed = One of the pictures could not be processed. Please try another file or a screenshot.
evidence-busy = The server is busy checking other files, so yours were not kept. Your words are kept below; please attach your files again and send in a minute.
evidence-draft_lost = The files you attached before were no longer kept (the form was open for a long time, or the server was short of room). Your words are kept below; please attach the files again.

followup-try_again = Try again
followup-title = Follow up on your report
followup-intro = Enter the receipt you were given after sending your report: the seven words (English or Urdu), or the numbers.
followup-receipt_label = Your receipt
followup-receipt_hint = For example: seven English or Urdu words separated by spaces or new lines, or seven groups of five digits.
followup-submit = Show my report’s status
followup-status_heading = Status
followup-read_story = Read the published, anonymised story
followup-add_heading = Add information
followup-add_label = What would you like to add?
followup-add_hint = It is locked like your report and added to it. Only our moderators can read it.
followup-add_submit = Add to my report
followup-added = Your information was added to your report.
followup-withdraw_heading = Withdraw your report
followup-withdraw_explain = Withdrawing deletes your report, anything you added, your files and any story published from it. This cannot be undone.
followup-withdraw_confirm = Yes, delete my report and everything published from it
followup-withdraw_submit = Withdraw my report
followup-withdrawn_done = Your report has been withdrawn and deleted.
followup-status-new = Received
followup-status-new_explain = Your report is saved and waiting for a moderator.
followup-status-in_review = In review
followup-status-in_review_explain = A moderator is reading your report and preparing it.
followup-status-published = Published
followup-status-published_explain = An anonymised version of your story is public.
followup-status-statistics_only = Counted in the statistics
followup-status-statistics_only_explain = Your report is counted in the public numbers; no text from it is published.
followup-status-kept = Kept, not published
followup-status-kept_explain = Your report is kept by our team and is not published.
followup-status-withdrawn = Withdrawn
followup-status-withdrawn_explain = This report was withdrawn and deleted.
followup-error-unavailable = We could not do this just now, so nothing was changed. Please try again in a minute.
followup-error-receipt_format = This is not a complete receipt. Please check the seven words or the seven groups of numbers.
followup-error-not_found = No report was found for this receipt. Please check it and try again.
followup-error-throttled =
    { $minutes ->
        [one] Too many attempts from your network. Please wait { $minutes } minute and try again.
       *[other] Too many attempts from your network. Please wait { $minutes } minutes and try again.
    }
followup-error-form_expired = This page was open for too long. Please enter your receipt again.
followup-error-text_required = Please write what you would like to add.
followup-error-confirm_withdraw = Please tick the box to confirm that you want to withdraw your report.
