#pragma once
#include "core/analysis/PeriodQuery.h"
#include "core/analysis/UnitSpectrum.h"
#include "widgets/common/PlotView.h"

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCPColorScale;
class QCPItemStraightLine;
class QDoubleSpinBox;
class QPushButton;

namespace folkrnn::widgets {

class LayerSignalBar;

// Part 5 of the posts: each unit's signal over the run, zero-padded to N (512), its DFT in dB
// relative to the unit's strongest component, components below the floor (-6 dB) left blank:
// units along x, frequency bins up the y axis labelled with their period in steps. The tool row
// sets N, the floor and whether to subtract each unit's mean, and finds the units with energy at
// a period ("concentrations of harmonic energy around a fundamental period of 9 steps"):
// "Select units" puts them in the Selection, so every view shows them. A click selects a unit
// (Ctrl+click adds or removes it); selected units are marked.
class UnitSpectrumView : public PlotView {
    Q_OBJECT
public:
    explicit UnitSpectrumView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("unit-spectra"); }
    QString title() const override;
    int shownStep() const override { return -1; } // a summary of the whole run
    bool exportCsv(const QString &path) const override;

    void setSpectrumSettings(const folkrnn::analysis::SpectrumSettings &settings);
    folkrnn::analysis::SpectrumSettings spectrumSettings() const { return settings_; }
    void setPeriodQuery(double period, double tolerance);
    const folkrnn::analysis::UnitSpectra &spectra() const { return spectra_; }
    const std::vector<folkrnn::analysis::PeriodMatch> &periodMatches() const { return matches_; }
    // Puts the units found at the query's period into the Selection (strongest first).
    void selectPeriodUnits();

protected:
    void runChanged() override;
    void selectionChanged(SelectionChange what) override;
    void clicked(QPoint pos, Qt::KeyboardModifiers modifiers) override;
    void paletteUpdated() override;

private:
    bool hasSignal() const;
    void recompute();
    void query();
    void markSelected();
    void readControls();

    LayerSignalBar *bar_;
    QComboBox *length_;
    QDoubleSpinBox *floor_;
    QCheckBox *removeMean_;
    QDoubleSpinBox *period_;
    QDoubleSpinBox *tolerance_;
    QPushButton *select_;
    QCPColorMap *map_;
    QCPColorScale *scale_;
    QList<QCPItemStraightLine *> unitMarks_;
    folkrnn::analysis::SpectrumSettings settings_;
    folkrnn::analysis::UnitSpectra spectra_;
    std::vector<folkrnn::analysis::PeriodMatch> matches_;
};

} // namespace folkrnn::widgets
