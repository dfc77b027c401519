# statistics: means, medians, modes, spread, quantiles, NormalDist and StatisticsError, exact as CPython
import statistics as st
from fractions import Fraction as F
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean(data), st.mean([F(3, 7), F(1, 21), F(5, 3), F(1, 3)]), st.mean([1, 2.5]))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 2, 1]), st.fmean(iter([1, 2])))
print(round(st.geometric_mean([54, 24, 36]), 9), st.geometric_mean([1.5, 2.5]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2, 0]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(['red', 'red', 'green', 'blue', 'blue']), st.multimode('aabbbbccddddeeffffgg'), st.multimode(''))
print(st.variance(data), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.variance([F(1, 6), F(1, 2), F(5, 3)]), st.pvariance([1, 2, 3, 4]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1, 2, 3, 4, 5]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), st.variance([1, 3], 2))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles(range(1, 11)), st.quantiles(range(1, 11), method='inclusive'), st.quantiles([1.5, 2.5], n=3))
print(st.covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]), st.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 12]))
n = st.NormalDist(100, 15)
print(n, n.cdf(130), n.pdf(100), n.inv_cdf(0.975), n.quantiles(), n.zscore(130), n.mean, n.stdev, n.variance)
print(n + 5, n * 2, n - st.NormalDist(10, 20), st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), round(st.NormalDist(2.4, 1.6).overlap(st.NormalDist(3.2, 2.0)), 6))
print(st.NormalDist().inv_cdf(0.001), st.NormalDist().inv_cdf(1e-20), n == st.NormalDist(100, 15), issubclass(st.StatisticsError, ValueError))
for bad in ["st.mean([])", "st.median([])", "st.mode([])", "st.variance([1])", "st.stdev([1])", "st.pvariance([])", "st.geometric_mean([0, 1])",
            "st.harmonic_mean([-1, 2])", "st.quantiles([1])", "st.quantiles([1, 2], n=0)", "st.NormalDist(0, -1)", "st.fmean([])", "st.mean(['a'])",
            "st.quantiles([1, 2], method='x')", "st.correlation([1, 1], [1, 2])", "st.NormalDist().inv_cdf(1)"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, '->', type(e).__name__, e)
