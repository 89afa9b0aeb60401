#include "widgets/colormap/ColorMaps.h"

#include <array>

namespace folkrnn::widgets {

namespace {

struct Rgb {
    double r, g, b;
};

// viridis entries 0, 8, 16, ..., 248 and 255.
constexpr std::array<Rgb, 33> kViridis{{
    {0.267004, 0.004874, 0.329415}, {0.277018, 0.050344, 0.375715}, {0.282327, 0.094955, 0.417331},
    {0.282884, 0.135920, 0.453427}, {0.278826, 0.175490, 0.483397}, {0.270595, 0.214069, 0.507052},
    {0.258965, 0.251537, 0.524736}, {0.244972, 0.287675, 0.537260}, {0.229739, 0.322361, 0.545706},
    {0.214298, 0.355619, 0.551184}, {0.199430, 0.387607, 0.554642}, {0.185556, 0.418570, 0.556753},
    {0.172719, 0.448791, 0.557885}, {0.160665, 0.478540, 0.558115}, {0.149039, 0.508051, 0.557250},
    {0.137770, 0.537492, 0.554906}, {0.127568, 0.566949, 0.550556}, {0.120565, 0.596422, 0.543611},
    {0.120638, 0.625828, 0.533488}, {0.132268, 0.655014, 0.519661}, {0.157851, 0.683765, 0.501686},
    {0.196571, 0.711827, 0.479221}, {0.246070, 0.738910, 0.452024}, {0.304148, 0.764704, 0.419943},
    {0.369214, 0.788888, 0.382914}, {0.440137, 0.811138, 0.340967}, {0.515992, 0.831158, 0.294279},
    {0.595839, 0.848717, 0.243329}, {0.678489, 0.863742, 0.189503}, {0.762373, 0.876424, 0.137064},
    {0.845561, 0.887322, 0.099702}, {0.926106, 0.897330, 0.104071}, {0.993248, 0.906157, 0.143936},
}};

// ColorBrewer RdBu-11, from blue (most negative) through near-white to red (most positive).
constexpr std::array<unsigned, 11> kBlueWhiteRed{0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
                                                 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f};

} // namespace

QCPColorGradient viridisGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setLevelCount(256);
    for (std::size_t k = 0; k < kViridis.size(); ++k) {
        // Stops 0..31 are every 8th entry (k*8/255); the last is entry 255.
        const double pos = k + 1 == kViridis.size() ? 1.0 : static_cast<double>(k * 8) / 255.0;
        const Rgb &c = kViridis[k];
        g.setColorStopAt(pos, QColor::fromRgbF(float(c.r), float(c.g), float(c.b)));
    }
    return g;
}

QCPColorGradient blueWhiteRedGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setLevelCount(256);
    for (std::size_t k = 0; k < kBlueWhiteRed.size(); ++k)
        g.setColorStopAt(static_cast<double>(k) / double(kBlueWhiteRed.size() - 1), QColor(QRgb(kBlueWhiteRed[k])));
    return g;
}

QColor gradientColor(QCPColorGradient gradient, double value, double lower, double upper)
{
    return QColor::fromRgba(gradient.color(value, QCPRange(lower, upper)));
}

} // namespace folkrnn::widgets
