from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from kvarter.admin_forms import PageForm

from .constants import SEARCH_QUERY_MAX_LENGTH
from .pdf import MAX_FILE_SIZE, PdfError, check_pdf
from .processing import create_pdf, queue_processing


class IssuePageForm(PageForm):
    """The PDF is uploaded here and checked at once; the slow part runs as a background task."""

    pdf_file = forms.FileField(
        label=_("PDF file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        help_text=_(
            "The whole issue as one PDF, at most 100 MB. Its cover and text are prepared in "
            "the background: save, and come back in a minute. Uploading again replaces it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty for “Agerposten nr. <number>”.")

    def clean_pdf_file(self):
        upload = self.cleaned_data.get("pdf_file")
        if not upload:
            if not self.instance.pdf_id:
                raise forms.ValidationError(_("Choose the PDF of the issue."))
            return None
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(_("The file is larger than 100 MB."))
        data = upload.read()
        try:
            check_pdf(data)
        except PdfError as error:
            raise forms.ValidationError(str(error)) from None
        self.pdf_data = data
        return upload

    def save(self, commit=True):
        page = super().save(commit=False)
        upload = self.cleaned_data.get("pdf_file")
        if upload:
            page.pdf = create_pdf(
                self.pdf_data, upload.name, page.default_title(page.number) + f" ({page.date})"
            )
            queue_processing(page.pdf, page.number)
        if commit:
            page.save()
        return page


class ArchiveSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search in the issues"), required=False, max_length=SEARCH_QUERY_MAX_LENGTH
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, years):
        super().__init__(data)
        self.fields["year"].choices = [("", _("All years")), *[(y, y) for y in years]]

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def querystring(self):
        values = {"q": self.cleaned_data.get("q", "")}
        if self.cleaned_data.get("year"):
            values["year"] = self.cleaned_data["year"]
        return urlencode(values)
