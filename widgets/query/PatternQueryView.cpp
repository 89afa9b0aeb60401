#include "widgets/query/PatternQueryView.h"

#include "core/analysis/AnnotationKey.h"
#include "core/sim/Run.h"
#include "core/util/Error.h"
#include "widgets/common/CsvWriter.h"
#include "widgets/query/CorpusQueryPanel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>

namespace folkrnn::widgets {

using namespace folkrnn::analysis;

namespace {

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QString number(double v) { return std::isnan(v) ? QString() : QString::number(v, 'f', 3); }

QTableWidget *makeTable(const QStringList &headers)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

} // namespace

PatternQueryView::PatternQueryView(QWidget *parent)
    : InspectorView(parent), range_(new QLabel), threshold_(new QDoubleSpinBox), before_(new QSpinBox),
      after_(new QSpinBox), below_(new QCheckBox(tr("dip"))), findUnits_(new QPushButton(tr("Find units"))),
      findSteps_(new QPushButton(tr("Find steps"))), status_(new QLabel),
      units_(makeTable({tr("rank"), tr("unit"), tr("score"), tr("mean inside"), tr("max outside")})),
      steps_(makeTable({tr("first"), tr("last"), tr("score")})), corpus_(new CorpusQueryPanel)
{
    threshold_->setRange(-100.0, 100.0);
    threshold_->setDecimals(3);
    threshold_->setSingleStep(0.05);
    threshold_->setValue(0.5);
    threshold_->setToolTip(tr("A unit is on at or above this value (at or below it with 'dip')."));
    for (QSpinBox *s : {before_, after_}) {
        s->setRange(0, 1000);
        s->setValue(1);
    }
    before_->setToolTip(tr("Steps before the range where the units must be off."));
    after_->setToolTip(tr("Steps after the range where the units must be off."));
    units_->setToolTip(tr("Units on over the range and off around it, best first (score: mean inside minus the "
                          "largest value outside). Select rows to select the units."));
    steps_->setToolTip(tr("Where all the selected units show the same pattern. Click to go to the step."));

    auto *controls = new QHBoxLayout;
    controls->addWidget(range_, 1);
    controls->addWidget(new QLabel(tr("threshold")));
    controls->addWidget(threshold_);
    controls->addWidget(new QLabel(tr("off before")));
    controls->addWidget(before_);
    controls->addWidget(new QLabel(tr("after")));
    controls->addWidget(after_);
    controls->addWidget(below_);
    controls->addWidget(findUnits_);
    controls->addWidget(findSteps_);
    auto *tables = new QSplitter(Qt::Horizontal);
    tables->addWidget(units_);
    tables->addWidget(steps_);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(tables);
    split->addWidget(corpus_);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(status_);
    layout->addWidget(split, 1);

    connect(findUnits_, &QPushButton::clicked, this, &PatternQueryView::findUnits);
    connect(findSteps_, &QPushButton::clicked, this, &PatternQueryView::findSteps);
    connect(units_, &QTableWidget::itemSelectionChanged, this, &PatternQueryView::selectTableUnits);
    connect(steps_, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row >= 0 && row < static_cast<int>(occurrences_.size()))
            selection()->setStep(occurrences_[static_cast<std::size_t>(row)].first);
    });
    connect(corpus_, &CorpusQueryPanel::startRequested, this, &PatternQueryView::runCorpus);
    connect(corpus_, &CorpusQueryPanel::unitChosen, this, [this](int layer, int unit) {
        SelectionState s = selection()->state();
        s.layer = layer;
        s.units = {unit};
        selection()->setState(s);
    });
    updateRangeLabel();
}

QString PatternQueryView::title() const { return tr("Pattern query"); }

void PatternQueryView::setModel(std::shared_ptr<const Model> model) { corpus_->setModel(std::move(model)); }

void PatternQueryView::setPattern(double threshold, int before, int after, bool below)
{
    threshold_->setValue(threshold);
    before_->setValue(before);
    after_->setValue(after);
    below_->setChecked(below);
}

PatternSpec PatternQueryView::pattern() const
{
    PatternSpec spec;
    int first = 0, last = 0;
    if (queryRange(first, last))
        spec.length = last - first + 1;
    spec.threshold = threshold_->value();
    spec.before = before_->value();
    spec.after = after_->value();
    spec.below = below_->isChecked();
    return spec;
}

bool PatternQueryView::queryRange(int &first, int &last) const
{
    const Run *r = run();
    if (!r || r->steps() == 0)
        return false;
    const StepRange range = selection()->stepRange();
    first = range.isAll() ? selection()->step() : range.first;
    last = range.isAll() ? selection()->step() : range.last;
    first = std::clamp(first, 0, r->steps() - 1);
    last = std::clamp(last, first, r->steps() - 1);
    return true;
}

void PatternQueryView::updateRangeLabel()
{
    int first = 0, last = 0;
    const Run *r = run();
    shownStep_ = r && selection()->step() >= 0 && selection()->step() < r->steps() ? selection()->step() : -1;
    if (!queryRange(first, last)) {
        range_->setText(tr("No run."));
    } else {
        range_->setText(tr("Steps %1–%2 of layer %3, %4").arg(first).arg(last).arg(selection()->layer() + 1)
                            .arg(QString::fromLatin1(signalName(selection()->signal()))));
    }
    const bool usable = r && r->hasSignals() && selection()->layer() < r->numLayers();
    findUnits_->setEnabled(usable);
    findSteps_->setEnabled(usable && !selection()->units().isEmpty());
}

void PatternQueryView::findUnits()
{
    const Run *r = run();
    int first = 0, last = 0;
    if (!r || !r->hasSignals() || !queryRange(first, last) || selection()->layer() >= r->numLayers())
        return;
    matchLayer_ = selection()->layer();
    matchSignal_ = selection()->signal();
    matches_ = unitsMatchingPattern(r->signalMatrix(matchLayer_, matchSignal_), first, last, pattern());
    const QSignalBlocker block(units_);
    units_->setRowCount(0);
    for (std::size_t k = 0; k < matches_.size(); ++k) {
        const UnitPatternScore &m = matches_[k];
        const int row = static_cast<int>(k);
        units_->insertRow(row);
        units_->setItem(row, 0, cell(QString::number(k + 1)));
        units_->setItem(row, 1, cell(QString::number(m.unit)));
        units_->setItem(row, 2, cell(number(m.score)));
        units_->setItem(row, 3, cell(number(m.meanInside)));
        units_->setItem(row, 4, cell(number(m.outside)));
    }
    status_->setText(matches_.empty() ? tr("No unit of layer %1 matches: lower the threshold or the steps off.")
                                            .arg(matchLayer_ + 1)
                                      : tr("%n unit(s) of layer %1 match steps %2–%3.", nullptr,
                                           static_cast<int>(matches_.size()))
                                            .arg(matchLayer_ + 1)
                                            .arg(first)
                                            .arg(last));
}

void PatternQueryView::selectTableUnits()
{
    QList<int> chosen;
    for (const QModelIndex &index : units_->selectionModel()->selectedRows())
        if (index.row() < static_cast<int>(matches_.size()))
            chosen << matches_[static_cast<std::size_t>(index.row())].unit;
    std::sort(chosen.begin(), chosen.end());
    if (chosen.isEmpty() || matchLayer_ < 0)
        return;
    SelectionState s = selection()->state();
    s.layer = matchLayer_;
    s.signal = matchSignal_;
    s.units = chosen;
    selection()->setState(s);
}

void PatternQueryView::findSteps()
{
    const Run *r = run();
    const QList<int> &units = selection()->units();
    if (!r || !r->hasSignals() || units.isEmpty() || selection()->layer() >= r->numLayers())
        return;
    const std::vector<int> list(units.begin(), units.end());
    try {
        occurrences_ = findPattern(r->signalMatrix(selection()->layer(), selection()->signal()), list, pattern());
    } catch (const std::invalid_argument &e) {
        status_->setText(QString::fromStdString(e.what()));
        return;
    }
    steps_->setRowCount(0);
    for (std::size_t k = 0; k < occurrences_.size(); ++k) {
        const int row = static_cast<int>(k);
        steps_->insertRow(row);
        steps_->setItem(row, 0, cell(QString::number(occurrences_[k].first)));
        steps_->setItem(row, 1, cell(QString::number(occurrences_[k].last)));
        steps_->setItem(row, 2, cell(number(occurrences_[k].score)));
    }
    status_->setText(tr("The %n selected unit(s) match together at %1 place(s).", nullptr, static_cast<int>(units.size()))
                         .arg(occurrences_.size()));
}

bool PatternQueryView::runCorpus()
{
    CorpusQuerySettings settings;
    settings.pattern = pattern();
    settings.signal = matchLayer_ >= 0 ? matchSignal_ : selection()->signal();
    if (!matches_.empty()) {
        for (const UnitPatternScore &m : matches_)
            settings.units.push_back({matchLayer_, m.unit});
    } else {
        for (int u : selection()->units())
            settings.units.push_back({selection()->layer(), u});
    }
    if (settings.units.empty()) {
        corpus_->showMessage(tr("Find units first, or select some."));
        return false;
    }
    settings.threads = std::max(1, QThread::idealThreadCount() - 1);
    try {
        settings.targets = corpus_->targetsFromControls();
        return corpus_->start(corpus_->corpusFromControls(), settings);
    } catch (const InputError &e) {
        corpus_->showMessage(QString::fromStdString(e.what()));
    }
    return false;
}

void PatternQueryView::runChanged()
{
    matches_.clear();
    occurrences_.clear();
    units_->setRowCount(0);
    steps_->setRowCount(0);
    status_->clear();
    updateRangeLabel();
}

void PatternQueryView::selectionChanged(SelectionChange) { updateRangeLabel(); }

void PatternQueryView::render(QPainter &painter, const QRect &target)
{
    // Laid out for the figure (never below what its controls need, which would clip them), then
    // scaled into it; the screen's layout is restored before anything repaints.
    const QSize onScreen = size();
    const QSize laidOut = target.size().expandedTo(minimumSizeHint());
    resize(laidOut);
    if (layout())
        layout()->activate(); // a hidden view (a headless export) gets no resize event until shown
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(double(target.width()) / laidOut.width(), double(target.height()) / laidOut.height());
    QWidget::render(&painter, QPoint(), QRegion(), QWidget::DrawChildren | QWidget::DrawWindowBackground);
    painter.restore();
    if (!onScreen.isEmpty()) {
        resize(onScreen);
        if (layout())
            layout()->activate();
    }
}

bool PatternQueryView::exportCsv(const QString &path) const
{
    CsvWriter csv(path);
    csv.row({QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("rank"), QStringLiteral("layer"),
             QStringLiteral("unit"), QStringLiteral("score"), QStringLiteral("mean_inside"), QStringLiteral("outside"),
             QStringLiteral("recall"), QStringLiteral("precision"), QStringLiteral("matches")});
    const auto n = [](double v) { return std::isnan(v) ? QString() : csvNumber(v); };
    for (std::size_t k = 0; k < matches_.size(); ++k)
        csv.row({QStringLiteral("run"), QString(), QString::number(k + 1), QString::number(matchLayer_ + 1),
                 QString::number(matches_[k].unit), n(matches_[k].score), n(matches_[k].meanInside),
                 n(matches_[k].outside), QString(), QString(), QString()});
    if (const CorpusQueryResult *r = corpus_->result()) {
        const auto &settings = corpus_->settings();
        const std::vector<std::string> noVocabulary;
        const auto &vocab = corpus_->model() ? corpus_->model()->vocabulary : noVocabulary;
        int rank = 0, target = -1;
        for (const UnitTargetStats &s : r->unitStats) {
            rank = s.target == target ? rank : 0;
            target = s.target;
            const bool joint = s.unit.layer < 0;
            csv.row({QStringLiteral("corpus"),
                     QString::fromStdString(formatAnnotationKey(settings.targets[static_cast<std::size_t>(s.target)], vocab)),
                     joint ? QString() : QString::number(++rank), joint ? QStringLiteral("all") : QString::number(s.unit.layer + 1),
                     joint ? QStringLiteral("all") : QString::number(s.unit.unit), QString(), QString(), QString(),
                     n(s.recall), n(s.precision), QString::number(s.matches)});
        }
    }
    return csv.finish();
}

} // namespace folkrnn::widgets
