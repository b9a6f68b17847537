### Notices that a message from the organisation waits on the follow-up page, sent on the
### reporter's own channel (SMS, WhatsApp, Telegram), and the one line the moderator reads about
### what became of one. A notice never carries the message or anything of the report; the
### neutral wording names no organisation, no site and nothing about reports. Each text fits
### two SMS (channels::notice checks it). {site} is the site's name; {url} its follow-up page.

notice-text-named = { $site }: a new message is waiting for you. Read it at { $url } with your receipt. Reply STOP for no more messages.
notice-text-named_no_link = { $site }: a new message is waiting for you. Read it on our follow-up page with your receipt. Reply STOP for no more messages.
notice-text-neutral = You have a new message. Use your code to read it. Reply STOP for no more messages.
notice-outcome-queued_sms = A notice without content was queued for the SMS gateway phone; it goes out when the phone next checks for messages to send.
notice-outcome-queued_whatsapp = A notice without content is being sent by WhatsApp.
notice-outcome-queued_whatsapp_template = A notice without content is being sent by WhatsApp as the approved template (her last message is over 24 hours old).
notice-outcome-queued_telegram = A notice without content is being sent by Telegram.
notice-outcome-replies_off_sms = No notice: replies by SMS are off ([sms] reply is not "always").
notice-outcome-replies_off_whatsapp = No notice: replies by WhatsApp are off ([whatsapp] reply is not "always").
notice-outcome-replies_off_telegram = No notice: replies by Telegram are off ([telegram] reply is not "always").
notice-outcome-stopped = No notice: she sent STOP on her channel.
notice-outcome-window_closed = No notice: her last WhatsApp message is over 24 hours old and no message template is set ([whatsapp] notice_template).
notice-outcome-no_outbox = No notice: only the SMS webhook is on, and it cannot send an SMS unasked (the SMSSync gateway can).
notice-outcome-no_address = No notice: there is no number or id to send it to.
notice-outcome-off_sms = No notice: SMS is not connected on this server.
notice-outcome-off_whatsapp = No notice: WhatsApp is not connected on this server.
notice-outcome-off_telegram = No notice: Telegram is not connected on this server.
notice-outcome-no_channel = No notice: she did not report by SMS, WhatsApp or Telegram. She reads replies on the follow-up page with her receipt.
