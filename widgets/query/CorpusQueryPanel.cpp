#include "widgets/query/CorpusQueryPanel.h"

#include "core/util/Error.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>

namespace folkrnn::widgets {

using namespace folkrnn::analysis;

namespace {

QTableWidgetItem *cell(const QString &text, double sortValue = std::nan(""))
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (!std::isnan(sortValue))
        item->setData(Qt::UserRole, sortValue);
    return item;
}

QString percent(double v) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v * 100.0, 'f', 1) + "%"; }

} // namespace

CorpusQueryPanel::CorpusQueryPanel(QWidget *parent)
    : QWidget(parent), source_(new QComboBox), seedFirst_(new QSpinBox), seedLast_(new QSpinBox), file_(new QLineEdit),
      target_(new QLineEdit(QStringLiteral("bar-line"))), run_(new QPushButton(tr("Run over corpus"))),
      cancel_(new QPushButton(tr("Cancel"))), progress_(new QProgressBar), message_(new QLabel),
      table_(new QTableWidget(0, 8))
{
    source_->addItem(tr("Sampled tunes, seeds"));
    source_->addItem(tr("Token corpus, teacher-forced"));
    for (QSpinBox *s : {seedFirst_, seedLast_})
        s->setRange(0, 1000000000);
    seedFirst_->setValue(1);
    seedLast_->setValue(100);
    file_->setPlaceholderText(tr("folk-rnn token corpus file"));
    auto *browse = new QPushButton(tr("Browse…"));
    target_->setToolTip(tr("Steps to line the pattern up with: bar-line, token:|, category:measure, bar-position:8, "
                           "bar-eighth:0, part:2, ending:1, repeat, pitch:12"));
    progress_->setVisible(false);
    cancel_->setEnabled(false);
    message_->setWordWrap(true);
    table_->setHorizontalHeaderLabels({tr("rank"), tr("layer"), tr("unit"), tr("before target"), tr("on target"),
                                       tr("matches"), tr("targets"), tr("mean at target")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setToolTip(tr("'before target': share of the target steps the unit's pattern precedes; 'on target': "
                          "share of its matches that precede a target. Click a row to select the unit."));

    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(source_);
    sourceRow->addWidget(seedFirst_);
    sourceRow->addWidget(new QLabel(QStringLiteral("–")));
    sourceRow->addWidget(seedLast_);
    sourceRow->addWidget(file_, 1);
    sourceRow->addWidget(browse);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel(tr("Target:")));
    runRow->addWidget(target_, 1);
    runRow->addWidget(run_);
    runRow->addWidget(cancel_);
    runRow->addWidget(progress_, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(sourceRow);
    layout->addLayout(runRow);
    layout->addWidget(message_);
    layout->addWidget(table_, 1);

    connect(source_, &QComboBox::currentIndexChanged, this, [this] { updateControls(); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Token corpus"), file_->text());
        if (!path.isEmpty())
            setCorpusFile(path);
    });
    connect(run_, &QPushButton::clicked, this, &CorpusQueryPanel::startRequested);
    connect(cancel_, &QPushButton::clicked, this, &CorpusQueryPanel::cancel);
    connect(table_, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QTableWidgetItem *layer = table_->item(row, 1), *unit = table_->item(row, 2);
        if (layer && unit && layer->data(Qt::UserRole).isValid() && unit->data(Qt::UserRole).isValid())
            emit unitChosen(layer->data(Qt::UserRole).toInt(), unit->data(Qt::UserRole).toInt());
    });
    updateControls();
}

CorpusQueryPanel::~CorpusQueryPanel()
{
    // The worker holds `this` for its progress and result: stop it before going away.
    if (worker_) {
        cancelled_ = true;
        worker_->wait();
        delete worker_;
    }
}

void CorpusQueryPanel::setModel(std::shared_ptr<const Model> model)
{
    model_ = std::move(model);
    updateControls();
}

void CorpusQueryPanel::setSeedRange(int first, int last)
{
    source_->setCurrentIndex(0);
    seedFirst_->setValue(first);
    seedLast_->setValue(last);
}

void CorpusQueryPanel::setCorpusFile(const QString &path)
{
    file_->setText(path);
    source_->setCurrentIndex(path.isEmpty() ? 0 : 1);
}

void CorpusQueryPanel::setTargetText(const QString &text) { target_->setText(text); }

void CorpusQueryPanel::showMessage(const QString &text) { message_->setText(text); }

void CorpusQueryPanel::updateControls()
{
    const bool seeds = source_->currentIndex() == 0;
    seedFirst_->setVisible(seeds);
    seedLast_->setVisible(seeds);
    file_->setVisible(!seeds);
    run_->setEnabled(model_ && !running());
    run_->setToolTip(model_ ? QString() : tr("No model: open one first."));
    cancel_->setEnabled(running());
    progress_->setVisible(running());
}

CorpusSpec CorpusQueryPanel::corpusFromControls() const
{
    if (!model_)
        throw InputError(tr("corpus").toStdString(), tr("no model is open").toStdString());
    if (source_->currentIndex() == 1)
        return corpusFromTokenFile(*model_, file_->text().toStdString());
    CorpusSpec spec;
    const int a = seedFirst_->value(), b = seedLast_->value();
    if (b < a)
        throw InputError(tr("seeds").toStdString(), tr("the last seed is before the first").toStdString());
    spec.firstSeed = static_cast<std::uint32_t>(a);
    spec.seedCount = b - a + 1;
    return spec;
}

std::vector<AnnotationKey> CorpusQueryPanel::targetsFromControls() const
{
    std::vector<AnnotationKey> keys;
    for (const QString &t : target_->text().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        keys.push_back(parseAnnotationKey(t.toStdString(), model_ ? model_->vocabulary : std::vector<std::string>{},
                                          tr("target").toStdString()));
    if (keys.empty())
        throw InputError(tr("target").toStdString(), tr("name at least one, e.g. bar-line").toStdString());
    return keys;
}

bool CorpusQueryPanel::start(CorpusSpec corpus, CorpusQuerySettings settings)
{
    if (running() || !model_)
        return false;
    cancelled_ = false;
    settings_ = settings;
    progress_->setRange(0, std::max(1, corpus.runs()));
    progress_->setValue(0);
    message_->setText(tr("Recording %1 runs…").arg(corpus.runs()));
    auto model = model_;
    worker_ = QThread::create([this, model, corpus = std::move(corpus), settings = std::move(settings)] {
        CorpusQueryResult result;
        QString error;
        try {
            result = runCorpusQuery(model, corpus, settings, [this](int done, int total) {
                QMetaObject::invokeMethod(this, [this, done, total] { onProgress(done, total); }, Qt::QueuedConnection);
                return !cancelled_.load();
            });
        } catch (const std::exception &e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, result = std::move(result), error]() mutable { onFinished(std::move(result), error); },
            Qt::QueuedConnection);
    });
    worker_->start();
    updateControls();
    return true;
}

void CorpusQueryPanel::cancel()
{
    cancelled_ = true;
    if (running())
        message_->setText(tr("Cancelling after the current run…"));
}

void CorpusQueryPanel::onProgress(int done, int total)
{
    progress_->setRange(0, std::max(1, total));
    progress_->setValue(done);
}

void CorpusQueryPanel::onFinished(CorpusQueryResult result, QString error)
{
    if (worker_) {
        worker_->wait();
        delete worker_;
        worker_ = nullptr;
    }
    if (error.isEmpty()) {
        result_ = std::move(result);
        message_->setText((result_->cancelled ? tr("Cancelled: %1 of %2 runs, %3 steps.")
                                              : tr("%1 of %2 runs, %3 steps."))
                              .arg(result_->runs)
                              .arg(result_->runsPlanned)
                              .arg(result_->steps));
        fillTable();
    } else {
        message_->setText(error);
    }
    updateControls();
    emit finished();
}

void CorpusQueryPanel::fillTable()
{
    table_->setRowCount(0);
    if (!result_)
        return;
    int rank = 0;
    for (const UnitTargetStats &s : result_->unitStats) {
        if (s.target != 0)
            continue; // the first target's ranking; the CSV export has them all
        const int row = table_->rowCount();
        table_->insertRow(row);
        const bool joint = s.unit.layer < 0;
        table_->setItem(row, 0, cell(joint ? QString() : QString::number(++rank)));
        table_->setItem(row, 1, joint ? cell(tr("all")) : cell(QString::number(s.unit.layer + 1), s.unit.layer));
        table_->setItem(row, 2, joint ? cell(tr("all")) : cell(QString::number(s.unit.unit), s.unit.unit));
        table_->setItem(row, 3, cell(percent(s.recall)));
        table_->setItem(row, 4, cell(percent(s.precision)));
        table_->setItem(row, 5, cell(QString::number(s.matches)));
        table_->setItem(row, 6, cell(QString::number(s.targets)));
        table_->setItem(row, 7, cell(std::isnan(s.meanAtTargets) ? QString() : QString::number(s.meanAtTargets, 'f', 3)));
    }
}

} // namespace folkrnn::widgets
