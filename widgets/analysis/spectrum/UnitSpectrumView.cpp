#include "widgets/analysis/spectrum/UnitSpectrumView.h"

#include "core/sim/Run.h"
#include "widgets/analysis/common/AnalysisPlot.h"
#include "widgets/colormap/ColorMaps.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/common/LayerSignalBar.h"
#include "widgets/common/PlotStyle.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

#include <cmath>

namespace folkrnn::widgets {

UnitSpectrumView::UnitSpectrumView(QWidget *parent)
    : PlotView(parent), bar_(new LayerSignalBar(this)), length_(new QComboBox(this)), floor_(new QDoubleSpinBox(this)),
      removeMean_(new QCheckBox(tr("remove &mean"), this)), period_(new QDoubleSpinBox(this)),
      tolerance_(new QDoubleSpinBox(this)), select_(new QPushButton(tr("Select &units"), this))
{
    auto *controls = new QWidget(this);
    auto *row = new QHBoxLayout(controls);
    row->setContentsMargins(4, 2, 4, 2);
    auto *lengthLabel = new QLabel(tr("&N"), controls);
    lengthLabel->setBuddy(length_);
    for (int n : {64, 128, 256, 512, 1024, 2048, 4096})
        length_->addItem(QString::number(n), n);
    length_->setCurrentIndex(length_->findData(settings_.fftLength));
    auto *floorLabel = new QLabel(tr("&floor"), controls);
    floorLabel->setBuddy(floor_);
    floor_->setRange(-80.0, 0.0);
    floor_->setSingleStep(1.0);
    floor_->setSuffix(tr(" dB"));
    floor_->setValue(settings_.floorDb);
    auto *periodLabel = new QLabel(tr("&period"), controls);
    periodLabel->setBuddy(period_);
    period_->setRange(2.0, 4096.0);
    period_->setDecimals(1);
    period_->setSingleStep(0.5);
    period_->setValue(9.0);
    period_->setSuffix(tr(" steps"));
    tolerance_->setRange(0.0, 100.0);
    tolerance_->setDecimals(2);
    tolerance_->setSingleStep(0.25);
    tolerance_->setValue(0.5);
    tolerance_->setPrefix(tr("± "));
    for (QWidget *w : std::initializer_list<QWidget *>{lengthLabel, length_, floorLabel, floor_, removeMean_,
                                                       periodLabel, period_, tolerance_, select_})
        row->addWidget(w);
    row->addStretch(1);
    addToolRow(controls);
    addToolRow(bar_);
    connect(bar_, &LayerSignalBar::layerChosen, this, [this](int layer) { selection()->setLayer(layer); });
    connect(bar_, &LayerSignalBar::signalChosen, this, [this](folkrnn::Signal s) { selection()->setSignal(s); });
    const auto settingsEdited = [this] {
        readControls();
        recompute();
        markSelected();
        replotAll();
    };
    connect(length_, &QComboBox::activated, this, settingsEdited);
    connect(floor_, &QDoubleSpinBox::valueChanged, this, settingsEdited);
    connect(removeMean_, &QCheckBox::toggled, this, settingsEdited);
    connect(period_, &QDoubleSpinBox::valueChanged, this, [this] { query(); });
    connect(tolerance_, &QDoubleSpinBox::valueChanged, this, [this] { query(); });
    connect(select_, &QPushButton::clicked, this, &UnitSpectrumView::selectPeriodUnits);

    QCustomPlot *p = plot();
    p->xAxis->setLabel(tr("unit"));
    p->yAxis->setLabel(tr("period (steps)"));
    p->yAxis->grid()->setVisible(false);
    map_ = new QCPColorMap(p->xAxis, p->yAxis);
    map_->setInterpolate(false);
    map_->setTightBoundary(false);
    scale_ = new QCPColorScale(p);
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(10);
    scale_->axis()->setLabel(tr("dB re the unit's strongest"));
    p->plotLayout()->addElement(0, 1, scale_);
    map_->setColorScale(scale_);
    QCPColorGradient gradient = viridisGradient();
    gradient.setNanHandling(QCPColorGradient::nhTransparent); // hidden: below the floor
    scale_->setGradient(gradient);
    applyPlotPalette(p, palette());
    paletteUpdated();
    p->setToolTip(tr("Magnitude spectrum of each unit over the run (dB relative to its strongest component; "
                     "blank below the floor). A pulse every P steps shows as energy at period P and its "
                     "harmonics. Click to select a unit; Ctrl+click adds or removes one."));
    runChanged();
}

QString UnitSpectrumView::title() const { return tr("Unit spectra"); }

void UnitSpectrumView::paletteUpdated()
{
    for (QCPItemStraightLine *m : unitMarks_)
        m->setPen(QPen(markerColor(), 1.0));
}

void UnitSpectrumView::readControls()
{
    settings_.fftLength = length_->currentData().toInt();
    settings_.floorDb = floor_->value();
    settings_.removeMean = removeMean_->isChecked();
}

void UnitSpectrumView::setSpectrumSettings(const folkrnn::analysis::SpectrumSettings &settings)
{
    {
        const QSignalBlocker b1(length_), b2(floor_), b3(removeMean_);
        if (length_->findData(settings.fftLength) < 0)
            length_->addItem(QString::number(settings.fftLength), settings.fftLength);
        length_->setCurrentIndex(length_->findData(settings.fftLength));
        floor_->setValue(settings.floorDb);
        removeMean_->setChecked(settings.removeMean);
    }
    readControls();
    recompute();
    markSelected();
    replotAll();
}

void UnitSpectrumView::setPeriodQuery(double period, double tolerance)
{
    const QSignalBlocker b1(period_), b2(tolerance_);
    period_->setValue(period);
    tolerance_->setValue(tolerance);
    query();
}

bool UnitSpectrumView::hasSignal() const
{
    const Run *r = run();
    return r && r->hasSignals() && r->steps() > 0 && selection()->layer() < r->numLayers();
}

void UnitSpectrumView::recompute()
{
    const Run *r = run();
    bar_->setLayerCount(r ? r->numLayers() : 1);
    bar_->showChoice(selection()->layer(), selection()->signal());
    QCPColorMapData *data = map_->data();
    if (!hasSignal()) {
        data->clear();
        spectra_ = {};
        matches_.clear();
        bar_->setNote({});
        return;
    }
    spectra_ = folkrnn::analysis::unitSpectra(r->signalMatrix(selection()->layer(), selection()->signal()), settings_);
    const int H = spectra_.units(), F = spectra_.bins();
    data->setSize(H, F);
    data->setRange(QCPRange(0, H - 1), QCPRange(0, F - 1));
    for (int u = 0; u < H; ++u)
        for (int k = 0; k < F; ++k)
            data->setCell(u, k, spectra_.hidden(u, k) ? std::nan("") : double(spectra_.db(u, k)));
    scale_->setDataRange(QCPRange(std::min(settings_.floorDb, -1.0), 0.0));
    plot()->xAxis->setRange(-0.5, H - 0.5);
    plot()->yAxis->setRange(-0.5, F - 0.5);
    // Period labels at the bins of musically useful periods: bin k = N / P.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (double period : {2.0, 3.0, 4.0, 6.0, 8.0, 9.0, 12.0, 16.0, 24.0, 32.0, 64.0, 128.0, 256.0})
        if (spectra_.fftLength / period < F)
            ticker->addTick(spectra_.fftLength / period, QString::number(period));
    plot()->yAxis->setTicker(ticker);
    query();
}

void UnitSpectrumView::query()
{
    matches_.clear();
    if (hasSignal() && spectra_.units() > 0)
        matches_ = folkrnn::analysis::findUnitsByPeriod(spectra_, period_->value(), tolerance_->value());
    QList<int> units;
    for (const auto &m : matches_)
        units << m.unit;
    select_->setEnabled(!units.isEmpty());
    bar_->setNote(hasSignal() ? tr("N = %1; %n unit(s) with energy at period %2 ± %3: %4", nullptr, int(units.size()))
                                    .arg(spectra_.fftLength)
                                    .arg(period_->value())
                                    .arg(tolerance_->value())
                                    .arg(unitListText(units, 10))
                              : QString());
}

void UnitSpectrumView::selectPeriodUnits()
{
    QList<int> units;
    for (const auto &m : matches_)
        units << m.unit;
    if (!units.isEmpty())
        selection()->setUnits(units);
}

void UnitSpectrumView::markSelected()
{
    const QList<int> &units = selection()->units();
    while (unitMarks_.size() > units.size())
        plot()->removeItem(unitMarks_.takeLast());
    while (unitMarks_.size() < units.size()) {
        QCPItemStraightLine *line = addVerticalLine(plot(), plot()->axisRect(), cursorLayer());
        line->setPen(QPen(markerColor(), 1.0));
        unitMarks_ << line;
    }
    for (int k = 0; k < units.size(); ++k)
        placeVerticalLine(unitMarks_[k], units[k], hasSignal() && units[k] < spectra_.units());
}

void UnitSpectrumView::runChanged()
{
    recompute();
    markSelected();
    replotAll();
}

void UnitSpectrumView::selectionChanged(SelectionChange what)
{
    if (what & (SelectionField::Layer | SelectionField::Signal)) {
        recompute();
        markSelected();
        replotAll();
    } else if (what & SelectionField::Units) {
        markSelected();
        replotCursor();
    }
}

void UnitSpectrumView::clicked(QPoint pos, Qt::KeyboardModifiers modifiers)
{
    if (!hasSignal() || !plot()->axisRect()->rect().contains(pos))
        return;
    const int unit = int(std::lround(plot()->xAxis->pixelToCoord(pos.x())));
    if (unit >= 0 && unit < spectra_.units())
        selection()->setUnits(clickedUnits(selection(), unit, modifiers));
}

bool UnitSpectrumView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    QStringList header{QStringLiteral("unit"), QStringLiteral("strongest_period")};
    for (int k = 0; k < spectra_.bins(); ++k)
        header << QStringLiteral("db_bin%1").arg(k);
    csv.row(header);
    for (int u = 0; u < spectra_.units(); ++u) {
        QStringList row{QString::number(u), csvNumber(spectra_.strongestPeriod[u])};
        for (int k = 0; k < spectra_.bins(); ++k)
            row << (spectra_.hidden(u, k) ? QString() : csvNumber(spectra_.db(u, k)));
        csv.row(row);
    }
    return csv.finish();
}

} // namespace folkrnn::widgets
