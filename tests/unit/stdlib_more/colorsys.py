# colorsys: RGB to and from YIQ, HLS and HSV, clamping and hue wrap-around
import colorsys
for rgb in [(0.2, 0.4, 0.4), (1.0, 0.0, 0.0), (0.0, 1.0, 0.5), (0.5, 0.5, 0.5), (0.1, 0.2, 0.9), (1, 1, 0)]:
    yiq = colorsys.rgb_to_yiq(*rgb)
    hls = colorsys.rgb_to_hls(*rgb)
    hsv = colorsys.rgb_to_hsv(*rgb)
    print(rgb, [round(x, 6) for x in yiq], [round(x, 6) for x in hls], [round(x, 6) for x in hsv])
    print('  back', [round(x, 6) for x in colorsys.yiq_to_rgb(*yiq)], [round(x, 6) for x in colorsys.hls_to_rgb(*hls)],
          [round(x, 6) for x in colorsys.hsv_to_rgb(*hsv)])
print(colorsys.hsv_to_rgb(0.5, 0.0, 0.3), colorsys.hls_to_rgb(0.9, 0.7, 0.0), colorsys.yiq_to_rgb(1.0, 1.0, 1.0))
print(colorsys.hsv_to_rgb(1.25, 0.5, 0.5), colorsys.hls_to_rgb(-0.25, 0.25, 1.0))
print(colorsys.__all__)
