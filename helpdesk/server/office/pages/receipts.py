"""Receipt check (/office/receipts), for every role: paste a receipt's QR text or upload a
photo of it (read by zxing-cpp) and see whether it is valid, voided, altered or of another
region, by the function the sync API's check uses (`server.receipts.check`), scoped to the
user's region prefix."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from helpdesk.server import receipts
from helpdesk.server.office import audit, web

router = APIRouter(prefix=web.PREFIX + "/receipts")
MAX_PHOTO = 12 * 1024 * 1024  # a phone's photo; larger is refused before decoding
# Qt's image readers (plugins loaded once, owned by the thread that loaded them) are used from
# one thread only: photos are decoded one at a time there, never on the request threads.
_QT = ThreadPoolExecutor(max_workers=1, thread_name_prefix="office-qr")


def qr_texts(photo: bytes) -> list[str] | None:
    """The texts of the QR codes in a photo (PNG, JPEG …), or None when it is no image."""
    import zxingcpp
    from PySide6.QtGui import QImage

    image = QImage.fromData(photo)
    if image.isNull():
        return None
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormats(
        zxingcpp.BarcodeFormat.QRCode))
    return list(dict.fromkeys(b.text for b in found))


@router.get("", response_class=HTMLResponse)
def receipt_form(request: Request, session: web.Viewer) -> HTMLResponse:
    return web.render(request, "receipts.html", session=session, text="", result=None,
                      problem="")


@router.post("", response_class=HTMLResponse)
async def check(request: Request, session: web.Viewer,
                text: Annotated[str, Form(max_length=10_000)] = "",
                photo: Annotated[UploadFile | None, File()] = None) -> HTMLResponse:
    import anyio.to_thread

    problem = ""
    data = await photo.read(MAX_PHOTO + 1) if photo is not None else b""
    if data:
        if len(data) > MAX_PHOTO:
            problem = "too_large"
        else:
            texts = await asyncio.get_running_loop().run_in_executor(_QT, qr_texts, data)
            problem = "no_image" if texts is None else "" if texts else "no_code"
            text = texts[0] if texts else text
    text = text.strip()
    if not text and not problem:
        problem = "empty"
    if problem:
        return web.render(request, "receipts.html", status=422, session=session, text=text,
                          result=None, problem=problem)
    engine = web.engine(request)
    result = await anyio.to_thread.run_sync(receipts.check, engine, session.user.sees, text)
    await anyio.to_thread.run_sync(audit.record, engine, session.user.name, "receipt_check",
                                   result.receipt_no or "", result.reason or "valid")
    return web.render(request, "receipts.html", session=session, text=text, result=result,
                      problem="")
