# date/time/datetime/timedelta/timezone: construction, arithmetic, comparisons, repr/str, isoformat, strftime/strptime, errors
from datetime import date, time, datetime, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR
import datetime as dt
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6, microseconds=7)
print(repr(td), str(td), td.total_seconds(), td.days, td.seconds, td.microseconds)
for t in [timedelta(), timedelta(-1), timedelta(seconds=-1), timedelta(days=2, microseconds=1), timedelta(weeks=1.5), timedelta(hours=-25.5), timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=-0.5)]:
    print(repr(t), str(t), bool(t))
a, b = timedelta(hours=5), timedelta(minutes=7)
print(a + b, a - b, b - a, -a, abs(-a), a * 2, 2.5 * a, a / 3, a / b, a // b, a % b, divmod(a, b), a // 7, a / 0.1, a > b, a == timedelta(seconds=18000), hash(a) == hash(timedelta(seconds=18000)))
print(timedelta.max, timedelta.min, timedelta.resolution, repr(timedelta.max))
d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=2), d - timedelta(days=60), d - date(2023, 1, 1), d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week, d.toordinal(), date.fromordinal(738000))
print(d.isoformat(), d.replace(day=1), d.ctime(), d.timetuple(), d.strftime('%A %d %B %Y (%j) %a %b %m/%d/%y %U %W %%'), format(d, '%Y'), f'{d:%d.%m}', f'{d}')
print(date.fromisoformat('2021-12-31'), date.fromisoformat('20211231'), date.fromisoformat('2021-W01-1'), date.fromisocalendar(2020, 53, 7), date.min, date.max, date(2000, 1, 1) < d, d == date(2024, 2, 28), hash(d) == hash(date(2024, 2, 28)))
t = time(13, 5, 9, 12)
print(t, repr(t), repr(time()), repr(time(1, 2)), repr(time(1, 2, 3)), t.isoformat('milliseconds'), t.isoformat('minutes'), t.isoformat('hours'), t.strftime('%I:%M %p'), time.fromisoformat('04:23:01.000384'), time.fromisoformat('12:30'), t.replace(hour=1))
print(time(1, tzinfo=timezone.utc), repr(time(1, tzinfo=timezone.utc)), time(12) < time(13), time.min, time.max)
x = datetime(2024, 3, 10, 14, 30, 15, 250000)
print(x, repr(x), repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 5)), x.date(), x.time(), x.isoformat(), x.isoformat(' ', 'seconds'), x.ctime(), x.timetuple())
print(x + timedelta(days=365), x - timedelta(hours=15), x - datetime(2024, 1, 1), datetime(2024, 1, 1) - x, x > datetime(2024, 3, 10), x.replace(year=2020, microsecond=0), x.weekday())
print(x.strftime('%Y-%m-%d %H:%M:%S.%f %z|%Z|'), datetime.combine(date(2020, 5, 5), time(6, 7)), datetime.fromisoformat('2011-11-04T00:05:23+04:00'), datetime.fromisoformat('2011-11-04 00:05:23.283'), datetime.fromisoformat('2011-11-04'))
print(datetime.strptime('2023-07-04 09:15:30', '%Y-%m-%d %H:%M:%S'), datetime.strptime('4 July 23 3:05 PM', '%d %B %y %I:%M %p'), datetime.strptime('Tue Jan 02 2024', '%a %b %d %Y'), datetime.strptime('12.5.2020 +0130', '%d.%m.%Y %z'), datetime.strptime('2020 100', '%Y %j'), datetime.strptime('1.25', '%S.%f'))
u = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)
est = timezone(timedelta(hours=-5), 'EST')
print(u, repr(u), u.astimezone(est), repr(est), str(est), repr(timezone(timedelta(hours=5, minutes=30))), str(timezone(timedelta(hours=5, minutes=30))), timezone.utc, repr(dt.UTC), timezone(timedelta(0)) is timezone.utc)
print(u.utcoffset(), u.tzname(), u.dst(), u.timestamp(), datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400 * 365.25), u == u.astimezone(est), u - u.astimezone(est), hash(u) == hash(u.astimezone(est)))
print(datetime.fromtimestamp(1700000000.5, timezone.utc), datetime(2024, 6, 1, tzinfo=est).isoformat(), datetime(2024, 6, 1, tzinfo=timezone(timedelta(seconds=5400))).strftime('%z %Z'), timezone.min, timezone.max)
class Fixed(tzinfo):
    def utcoffset(self, d): return timedelta(hours=2)
    def dst(self, d): return timedelta(0)
    def tzname(self, d): return 'FX'
f = datetime(2024, 1, 1, 10, tzinfo=Fixed())
print(f, f.utcoffset(), f.tzname(), f.astimezone(timezone.utc), f.strftime('%H %Z %z'))
n = datetime.now(); print(type(n).__name__, isinstance(datetime.today(), datetime), date.today() == datetime.now().date() or True, datetime.utcnow().tzinfo, datetime.now(timezone.utc).tzinfo)
print(MINYEAR, MAXYEAR, datetime.min, datetime.max, datetime.resolution, issubclass(datetime, date), isinstance(x, date), date(2020, 1, 1) == datetime(2020, 1, 1))
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]), max(timedelta(1), timedelta(hours=30)), {date(2020, 1, 1): 1}[date(2020, 1, 1)])
for bad in ['date(2023, 2, 29)', 'date(2023, 13, 1)', 'date(0, 1, 1)', 'time(24)', 'time(1, 60)', 'datetime(2020, 1, 1, 1, 1, 60)', 'time(1, 1, 1, 10**6)', 'date(2020.0, 1, 1)', 'date("2020", 1, 1)',
            'datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc)', 'datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=timezone.utc)', 'date.fromisoformat("2020-1-1")',
            'datetime.strptime("2020", "%Y-%m")', 'datetime.strptime("2020-01-01x", "%Y-%m-%d")', 'timedelta(days=10**9)', 'date.max + timedelta(1)', 'timezone(timedelta(hours=24))',
            'timedelta(1) / 0', 'timedelta(1) // 0', 'timedelta("1")', 'datetime.fromisoformat("nope")', 'time(1, tzinfo=1)']:
    try:
        print(bad, '->', eval(bad))
    except Exception as e:
        print(bad, '!!', type(e).__name__, e)
