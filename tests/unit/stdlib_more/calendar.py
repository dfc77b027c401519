# calendar: month/prmonth/calendar text layouts, monthcalendar, monthrange, isleap/leapdays/weekday, firstweekday, HTML and errors
import calendar, datetime
print(calendar.month(2024, 2))
calendar.prmonth(2023, 10, w=3, l=2)
print(calendar.calendar(2024))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2025, 3))
print(calendar.TextCalendar().formatyear(2021, w=3, l=1, c=2, m=4))
print(calendar.monthcalendar(2024, 9), calendar.monthrange(2024, 2), calendar.monthrange(1900, 2), calendar.weekday(2024, 7, 4), calendar.weekday(12000, 1, 1))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.isleap(2024), calendar.leapdays(1900, 2025), calendar.timegm((2024, 1, 1, 12, 30, 15)))
print(list(calendar.month_name), list(calendar.day_abbr), calendar.month_abbr[1:4], calendar.day_name[-1], len(calendar.month_name))
cal = calendar.Calendar(firstweekday=6)
print(list(cal.iterweekdays()), cal.monthdatescalendar(2024, 2)[0], list(cal.itermonthdays2(2024, 2))[:9], list(cal.itermonthdays4(2024, 3))[:2])
print(calendar.firstweekday(), calendar.weekheader(3), calendar.week([(1, 0), (2, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6)], 2))
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.month(2024, 6), calendar.weekheader(2))
calendar.setfirstweekday(0)
print(calendar.HTMLCalendar().formatmonth(2024, 1))
print(calendar.HTMLCalendar(6).formatyear(2024, width=4)[:300])
print(len(calendar.yeardayscalendar(2024)) if hasattr(calendar, 'yeardayscalendar') else cal.yeardayscalendar(2024, 4)[0][0][0])
for bad in ['calendar.monthrange(2024, 13)', 'calendar.setfirstweekday(9)', 'calendar.month(2024, 0)', 'calendar.weekday(2024, 2, 30)']:
    try:
        eval(bad)
    except ValueError as e:
        print(bad, '->', type(e).__name__, e)
