### The survivor strategies page (en): what was done and what happened, counted. Every key
### must also be in the other language.

strategies-title = What others did, and what happened
strategies-intro = When people report a case, moderators record what was done about it and where things stood afterwards. This page counts those actions and outcomes across the cases reported to us and counted in our statistics, so you can see what others tried.
strategies-not_advice = These are counts of what happened in other people’s cases, not advice: every situation is different, and what helped one person may not be safe for another.
strategies-help_link = Get help and advice for your situation
strategies-recorded = An action is recorded for { $recorded } of these cases.
strategies-stats_link = All the statistics
strategies-receipt_link = See what others did about what happened to them, and what came of it
strategies-table-heading = Actions and their outcomes
strategies-table-explain = Each row is one action; its cells say how many of the cases that took it ended in each outcome.
strategies-table-caption = Cases by action taken and outcome
strategies-table-cases = Cases
strategies-table-no_outcome = Outcome not recorded
strategies-method-coded = Actions and outcomes are recorded by moderators from what the person reporting told us, at the time the case was published or counted. A case may have changed since.
strategies-method-small_cells = To make sure no one can be singled out, a count of 1 or 2 is shown as “fewer than 3”, never as the number. Every other count is rounded to the nearest 5, so that no figure can be worked out by subtracting one count from another.
strategies-method-overlap = A case can record more than one action, so it can be counted in more than one row.
