### auth messages of the staff workspace (en). Every key must also be in the other language.

admin-site = Naqsha workspace
admin-busy = The server is busy checking other passwords right now. Please try again in a minute.
admin-nav-label = Workspace menu
admin-nav-inbox = Inbox
admin-nav-cases = Cases
admin-nav-users = Staff
admin-nav-audit = Audit log
admin-nav-quality = Coding quality
admin-nav-logout = Sign out
admin-role-admin = Admin
admin-role-coordinator = Coordinator
admin-role-moderator = Moderator
admin-role-analyst = Analyst
admin-login-title = Sign in
admin-login-intro = For the organisation's staff. Signing in unlocks the reports for this session only; signing out, or 30 minutes without activity, locks them again.
admin-login-username = Username
admin-login-password = Password
admin-login-submit = Sign in
admin-login-wrong = Wrong username or password.
admin-login-throttled =
    { $minutes ->
        [one] Too many failed attempts for this account. Try again in { $minutes } minute.
       *[other] Too many failed attempts for this account. Try again in { $minutes } minutes.
    }
admin-login-network_throttled =
    { $minutes ->
        [one] Too many sign-in attempts from your network. Try again in { $minutes } minute.
       *[other] Too many sign-in attempts from your network. Try again in { $minutes } minutes.
    }
admin-password-current = The password you signed in with
admin-password-current_hint = This server does not hold the key to the reports for your sign-in yet. Type the password you signed in with once more, so that it can keep the key under your new password.
admin-password-title = Choose your own password
admin-password-intro = Your password was issued once and must be replaced. Use at least { $min } characters; a few unrelated words are easy to remember and hard to guess.
admin-password-new = New password
admin-password-repeat = New password again
admin-password-submit = Save password
admin-password-mismatch = The two passwords are not the same.
admin-password-too_short = The password must have at least { $min } characters.
admin-enrol-title = Set up your second factor
admin-enrol-intro = Every sign-in needs a code from an authenticator app on your phone (for example Aegis, FreeOTP or Google Authenticator). Scan this code with the app, then type the six digits it shows.
admin-enrol-qr_caption = Scan with your authenticator app
admin-enrol-manual = Cannot scan? Type this key into the app:
admin-enrol-submit = Confirm
admin-totp-title = Enter your code
admin-totp-intro = Open your authenticator app and type the six-digit code it shows for this site.
admin-totp-code = Six-digit code
admin-totp-submit = Continue
admin-totp-wrong = That code is not right, or was already used. Wait for the next code and try again.
admin-unlock-title = Unlock the reports on this server
admin-unlock-intro = You are signed in, but this server does not hold the key to the reports for your sign-in yet: you signed in through another of the organisation's servers, or this one restarted. Enter your password to unlock them here. You stay signed in either way.
admin-unlock-unsent = What you sent was not saved. After you enter your password, go back and send it again.
admin-unlock-submit = Unlock
admin-unlock-wrong = That password is not right.
