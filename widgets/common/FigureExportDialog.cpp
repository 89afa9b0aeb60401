#include "widgets/common/FigureExportDialog.h"

#include "widgets/common/InspectorView.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

#include <cmath>

namespace folkrnn::widgets {

namespace {

constexpr double kCmPerInch = 2.54;
constexpr double kLogicalDpi = 96.0;

struct Preset {
    const char *name;
    double width, height; // cm
};
// Common figure widths: a journal column, a full text width, a 16:9 slide.
constexpr Preset kPresets[] = {
    {QT_TRANSLATE_NOOP("FigureExportDialog", "Text width (17 × 10.5 cm)"), 17.0, 10.5},
    {QT_TRANSLATE_NOOP("FigureExportDialog", "One column (8.5 × 6.5 cm)"), 8.5, 6.5},
    {QT_TRANSLATE_NOOP("FigureExportDialog", "Slide (25.4 × 14.3 cm)"), 25.4, 14.3},
};

QString settingsKey(const char *name) { return QStringLiteral("figureExport/") + QLatin1String(name); }

} // namespace

FigureExportDialog::FigureExportDialog(const QList<InspectorView *> &views, InspectorView *current,
                                       const QString &initialFormat, QWidget *parent)
    : QDialog(parent), views_(views), view_(new QComboBox(this)), format_(new QComboBox(this)),
      preset_(new QComboBox(this)), width_(new QDoubleSpinBox(this)), height_(new QDoubleSpinBox(this)),
      dpi_(new QSpinBox(this)), path_(new QLineEdit(this)), summary_(new QLabel(this))
{
    setWindowTitle(tr("Export Figure"));
    for (InspectorView *v : views_)
        view_->addItem(v->title(), v->viewId());
    view_->setCurrentIndex(std::max(0, int(views_.indexOf(current))));
    format_->addItem(tr("PNG image"), QStringLiteral("png"));
    format_->addItem(tr("SVG (vector)"), QStringLiteral("svg"));
    format_->addItem(tr("PDF (vector)"), QStringLiteral("pdf"));
    format_->addItem(tr("CSV (the numbers shown)"), QStringLiteral("csv"));
    preset_->addItem(tr("Custom"));
    for (const Preset &p : kPresets)
        preset_->addItem(QCoreApplication::translate("FigureExportDialog", p.name)); // the QT_TRANSLATE_NOOP context
    for (QDoubleSpinBox *box : {width_, height_}) {
        box->setRange(2.0, 100.0);
        box->setDecimals(1);
        box->setSingleStep(0.5);
        box->setSuffix(tr(" cm"));
    }
    dpi_->setRange(36, 1200);
    dpi_->setSuffix(tr(" dpi"));

    QSettings s;
    width_->setValue(s.value(settingsKey("widthCm"), kPresets[0].width).toDouble());
    height_->setValue(s.value(settingsKey("heightCm"), kPresets[0].height).toDouble());
    dpi_->setValue(s.value(settingsKey("dpi"), 300).toInt());
    const QString folder = s.value(settingsKey("folder"), QDir::homePath()).toString();
    QString chosen = initialFormat.isEmpty() ? s.value(settingsKey("format"), QStringLiteral("png")).toString()
                                             : initialFormat;
    if (initialFormat.isEmpty() && chosen == QLatin1String("csv"))
        chosen = QStringLiteral("png"); // asked for a figure
    const int f = format_->findData(chosen);
    format_->setCurrentIndex(std::max(0, f));
    path_->setText(QDir(folder).filePath(view() ? view()->viewId() : QStringLiteral("figure")));

    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(width_);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(height_);
    sizeRow->addWidget(preset_, 1);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(path_, 1);
    auto *browse = new QPushButton(tr("Browse…"), this);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    if (views_.size() > 1)
        form->addRow(tr("&View:"), view_);
    else
        view_->hide();
    form->addRow(tr("&Format:"), format_);
    form->addRow(tr("&Size:"), sizeRow);
    form->addRow(tr("&Resolution:"), dpi_);
    form->addRow(tr("F&ile:"), fileRow);
    form->addRow(QString(), summary_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &FigureExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FigureExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &FigureExportDialog::browse);
    connect(format_, &QComboBox::currentIndexChanged, this, &FigureExportDialog::formatChanged);
    connect(preset_, &QComboBox::activated, this, &FigureExportDialog::presetChosen);
    connect(view_, &QComboBox::currentIndexChanged, this, [this] {
        const QFileInfo info(path());
        setPath(QDir(info.path()).filePath(view()->viewId() + QLatin1Char('.') + format()));
    });
    for (QDoubleSpinBox *box : {width_, height_})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            preset_->setCurrentIndex(0);
            updateSummary();
        });
    connect(dpi_, &QSpinBox::valueChanged, this, &FigureExportDialog::updateSummary);
    formatChanged();
}

InspectorView *FigureExportDialog::view() const { return views_.value(view_->currentIndex()); }

QString FigureExportDialog::format() const { return format_->currentData().toString(); }

QString FigureExportDialog::path() const { return path_->text().trimmed(); }

void FigureExportDialog::setPath(const QString &path) { path_->setText(path); }

QSize FigureExportDialog::logicalSize() const
{
    return QSize(int(std::lround(width_->value() / kCmPerInch * kLogicalDpi)),
                 int(std::lround(height_->value() / kCmPerInch * kLogicalDpi)));
}

int FigureExportDialog::dpi() const { return dpi_->value(); }

void FigureExportDialog::setSizeCm(double width, double height)
{
    width_->setValue(width);
    height_->setValue(height);
}

void FigureExportDialog::setDpi(int dpi) { dpi_->setValue(dpi); }

void FigureExportDialog::formatChanged()
{
    const QString f = format();
    // The suffix follows the format, so the file is what its name says.
    QFileInfo info(path());
    if (!path().isEmpty())
        setPath(QDir(info.path()).filePath(info.completeBaseName() + QLatin1Char('.') + f));
    const bool figure = f != QLatin1String("csv");
    width_->setEnabled(figure);
    height_->setEnabled(figure);
    preset_->setEnabled(figure);
    dpi_->setEnabled(f == QLatin1String("png"));
    updateSummary();
}

void FigureExportDialog::presetChosen(int index)
{
    if (index <= 0)
        return;
    const Preset &p = kPresets[index - 1];
    setSizeCm(p.width, p.height);
    preset_->setCurrentIndex(index);
}

void FigureExportDialog::updateSummary()
{
    const QString f = format();
    if (f == QLatin1String("png")) {
        const double scale = dpi() / kLogicalDpi;
        const QSize px = logicalSize() * scale;
        summary_->setText(tr("%1 × %2 pixels").arg(px.width()).arg(px.height()));
    } else if (f == QLatin1String("csv")) {
        summary_->setText(tr("The numbers the view shows, one row per item, with a header row."));
    } else {
        summary_->setText(tr("Vector: text and lines stay sharp at any size."));
    }
}

void FigureExportDialog::browse()
{
    const QString f = format();
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export To"), path(),
                                                        tr("%1 files (*.%2)").arg(f.toUpper(), f));
    if (!chosen.isEmpty())
        setPath(QFileInfo(chosen).suffix().isEmpty() ? chosen + QLatin1Char('.') + f : chosen);
}

bool FigureExportDialog::exportNow()
{
    InspectorView *v = view();
    const QString file = path();
    if (!v || file.isEmpty())
        return false;
    const QString f = format();
    v->waitForFigure();
    if (f == QLatin1String("png"))
        return v->exportImage(file, logicalSize(), dpi());
    if (f == QLatin1String("csv"))
        return v->exportCsv(file);
    return f == QLatin1String("svg") ? v->exportSvg(file, logicalSize()) : v->exportPdf(file, logicalSize());
}

void FigureExportDialog::accept()
{
    if (!exportNow()) {
        QMessageBox::warning(this, tr("Export failed"),
                             tr("The file %1 could not be written. Check that its folder exists and is writable.")
                                 .arg(QDir::toNativeSeparators(path())));
        return;
    }
    QSettings s;
    s.setValue(settingsKey("widthCm"), width_->value());
    s.setValue(settingsKey("heightCm"), height_->value());
    s.setValue(settingsKey("dpi"), dpi());
    s.setValue(settingsKey("format"), format());
    s.setValue(settingsKey("folder"), QFileInfo(path()).absolutePath());
    QDialog::accept();
}

} // namespace folkrnn::widgets
